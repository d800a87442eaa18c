package io.stepwise.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
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
    DeliveryDemoCommand demo = new DeliveryDemoCommand();
    demo.workDir = dir;
    demo.env = Map.of();
    CommandLine cmd = new CommandLine(demo);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread.ofPlatform().start(() -> exit.complete(cmd.execute("--port", "0", "--rate", "25", "--orders", "40",
        "--payment-busy", "0.3", "--declines", "0.2", "--no-shows", "0", "--tracker", "java")));
    demo.ready().get(120, TimeUnit.SECONDS); // or why it could not start
    try (DemoClients c = new DemoClients(demo.endpoint(), "us-east-1", "test", "test")) {
      String machine = c.sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
      List<ExecutionListItem> executions = List.of();
      for (int i = 0; i < 600; i++) {
        executions = c.sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine)).executions().stream().toList();
        if (executions.size() == 40 && executions.stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING)) {
          break;
        }
        Thread.sleep(100);
      }
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
    } finally {
      demo.stop();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void withSignaturesVerifiedTheDemosOwnPartsSignWithTheServersKey() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("keys"), "[default]\naws_access_key_id = AKIDDEMO\naws_secret_access_key = demo-secret-key\n");
    DeliveryDemoCommand demo = new DeliveryDemoCommand();
    demo.workDir = dir;
    demo.env = Map.of();
    CommandLine cmd = new CommandLine(demo);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    // the Python worker when boto3 is here (its key comes in its environment), else the Java one
    Thread.ofPlatform().start(() -> exit.complete(cmd.execute("--port", "0", "--rate", "10", "--orders", "5", "--auth", "sigv4",
        "--credentials", dir.resolve("keys").toString(), "--console-token", "a-console-token-for-the-test",
        "--payment-busy", "0", "--declines", "0", "--no-shows", "0", "--drive-seconds", "0.2")));
    demo.ready().get(120, TimeUnit.SECONDS);
    try (DemoClients signed = new DemoClients(demo.endpoint(), "us-east-1", "AKIDDEMO", "demo-secret-key");
        DemoClients other = new DemoClients(demo.endpoint(), "us-east-1", "demo", "demo")) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> other.sfn.listStateMachines()))
          .as("a key the server does not know is refused").isInstanceOf(software.amazon.awssdk.services.sfn.model.SfnException.class);
      String machine = signed.sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
      List<ExecutionListItem> executions = List.of();
      for (int i = 0; i < 600; i++) {
        executions = signed.sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine)).executions().stream().toList();
        if (executions.size() == 5 && executions.stream().allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED)) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(executions).as("placed, paid, dispatched, tracked and recorded, each part signing its requests").hasSize(5)
          .allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
      assertThat(signed.dynamodb.scan(b -> b.tableName("Orders")).items()).hasSize(5);
    } finally {
      demo.stop();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }
}
