package io.stepwise.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * stepwise demo delivery end to end: orders placed by its generator through a real server, its
 * payment function, couriers and tracking worker; afterwards the tables must agree with the
 * executions: stock never negative and down by exactly what was delivered, every delivered order
 * recorded and paid exactly once, no declined order paid.
 */
class DeliveryDemoTest {
  @TempDir Path dir;

  @Test
  void ordersFlowToTheirEndsAndTheTablesAgreeWithThem() throws Exception {
    try (RunningDemo demo = new RunningDemo(dir, "--port", "0", "--rate", "25", "--orders", "40",
            "--payment-busy", "0.3", "--declines", "0.2", "--no-shows", "0", "--tracker", "java");
        DemoClients c = new DemoClients(demo.endpoint(), "us-east-1", "test", "test")) {
      List<ExecutionListItem> executions = RunningDemo.executionsWhen(c,
          l -> l.size() == 40 && l.stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING));
      assertThat(executions).hasSize(40).noneMatch(e -> e.status() == ExecutionStatus.RUNNING);

      Map<String, JsonNode> orders = new HashMap<>();
      List<String> delivered = new ArrayList<>();
      for (ExecutionListItem e : executions) {
        var d = c.sfn.describeExecution(b -> b.executionArn(e.executionArn()));
        orders.put(e.name(), Json.parse(d.input()));
        if (d.status() == ExecutionStatus.SUCCEEDED) {
          delivered.add(e.name());
        } else {
          // declined, or (rarely) a processor busy on every try: neither is charged, both put the stock back
          assertThat(d.error()).as(e.name() + ": " + d.cause()).isIn("PaymentDeclined", "PaymentFailed");
        }
      }
      assertThat(delivered).as("most orders are delivered (a fifth of the cards are declined)").hasSizeGreaterThan(15);

      Map<String, Long> sold = new HashMap<>();
      for (String o : delivered) {
        for (JsonNode line : orders.get(o).get("lines")) {
          sold.merge(line.get("sku").asText(), line.get("quantity").asLong(), Long::sum);
        }
      }
      for (var item : c.dynamodb.scan(b -> b.tableName("Inventory")).items()) {
        long stock = Long.parseLong(item.get("stock").n());
        assertThat(stock).as(item.get("sku").s()).isGreaterThanOrEqualTo(0)
            .isEqualTo(DeliverySetup.INITIAL_STOCK - sold.getOrDefault(item.get("sku").s(), 0L));
        assertThat(item.get("holds").m()).as("every order ended: no hold of " + item.get("sku").s() + " is left").isEmpty();
      }
      Map<String, Map<String, AttributeValue>> payments = new HashMap<>();
      for (var p : c.dynamodb.scan(b -> b.tableName("Payments")).items()) {
        assertThat(payments.put(p.get("orderId").s(), p)).as("one payment an order").isNull();
      }
      assertThat(payments.keySet()).containsExactlyInAnyOrderElementsOf(delivered);
      assertThat(payments.values()).allMatch(p -> p.get("status").s().equals("CHARGED"));
      var recorded = c.dynamodb.scan(b -> b.tableName("Orders")).items();
      assertThat(recorded).extracting(i -> i.get("orderId").s()).containsExactlyInAnyOrderElementsOf(delivered);
      assertThat(recorded).allMatch(i -> i.get("status").s().equals("DELIVERED") && i.get("paymentId").s().equals("PAY-" + i.get("orderId").s()));
    }
  }

  @Test
  void withSignaturesVerifiedTheDemosOwnPartsSignWithTheServersKey() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("keys"), "[default]\naws_access_key_id = AKIDDEMO\naws_secret_access_key = demo-secret-key\n");
    // the Python worker when boto3 is here (its key comes in its environment), else the Java one
    try (RunningDemo demo = new RunningDemo(dir, "--port", "0", "--rate", "10", "--orders", "5", "--auth", "sigv4",
            "--credentials", dir.resolve("keys").toString(), "--console-token", "a-console-token-for-the-test",
            "--payment-busy", "0", "--declines", "0", "--no-shows", "0", "--drive-seconds", "0.2");
        DemoClients signed = new DemoClients(demo.endpoint(), "us-east-1", "AKIDDEMO", "demo-secret-key");
        DemoClients other = new DemoClients(demo.endpoint(), "us-east-1", "demo", "demo")) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> other.sfn.listStateMachines()))
          .as("a key the server does not know is refused").isInstanceOf(software.amazon.awssdk.services.sfn.model.SfnException.class);
      List<ExecutionListItem> executions = RunningDemo.executionsWhen(signed,
          l -> l.size() == 5 && l.stream().allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED));
      assertThat(executions).as("placed, paid, dispatched, tracked and recorded, each part signing its requests").hasSize(5)
          .allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
      assertThat(signed.dynamodb.scan(b -> b.tableName("Orders")).items()).hasSize(5);
    }
  }
}
