package io.stepwise.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.cli.Chromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Each path docs/delivery-assistant.md walks through, on demand through the real demo (its test
 * cards and postcode, not chance): a happy order, one of more than the stock, a payment taken on
 * its third try, a declined card and its compensation, a courier who never answers. Checks each
 * execution's end, the tables afterwards, and each as the console shows it; the pictures go to
 * target/console-screenshots (docs/delivery has the current ones).
 */
class DeliveryWalkthroughBrowserTest {
  @TempDir Path dir;

  @Test
  void eachPathEndsAsItShouldAndTheConsoleShowsIt() throws Exception {
    Chromium.assumeInstalled();
    try (RunningDemo demo = new RunningDemo(dir, "--port", "0", "--rate", "0", "--payment-busy", "0", "--declines", "0",
            "--no-shows", "0", "--tracker", "java", "--drive-seconds", "0.5");
        DemoClients c = new DemoClients(demo.endpoint(), "us-east-1", "test", "test"); Chromium chromium = Chromium.start()) {
      String machine = c.sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
      Map<String, String> orders = new LinkedHashMap<>();
      orders.put("happy", order("happy", "TEA", 2, "tok_visa", "N1 9GU"));
      orders.put("out-of-stock", order("out-of-stock", "KETTLE", DeliverySetup.INITIAL_STOCK + 1, "tok_visa", "N1 9GU"));
      orders.put("third-try", order("third-try", "MUG", 1, PaymentFunction.BUSY_TWICE_CARD, "N1 9GU"));
      orders.put("declined", order("declined", "JAM", 3, PaymentFunction.DECLINED_CARD, "N1 9GU"));
      orders.put("no-show", order("no-show", "HONEY", 1, "tok_visa", CourierWorker.NOWHERE));
      Map<String, String> arns = new HashMap<>();
      orders.forEach((name, input) -> arns.put(name,
          c.sfn.startExecution(b -> b.stateMachineArn(machine).name("O-" + name).input(input)).executionArn()));

      Map<String, DescribeExecutionResponse> ended = new HashMap<>();
      for (int i = 0; i < 1200 && ended.size() < orders.size(); i++) { // the courier who never answers costs 30 s
        for (var e : arns.entrySet()) {
          var d = c.sfn.describeExecution(b -> b.executionArn(e.getValue()));
          if (d.status() != ExecutionStatus.RUNNING) {
            ended.put(e.getKey(), d);
          }
        }
        Thread.sleep(100);
      }
      assertThat(ended).as("every order ended").hasSize(orders.size());
      assertThat(ended.get("happy").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(ended.get("out-of-stock").error()).isEqualTo("OutOfStock");
      assertThat(ended.get("third-try").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(ended.get("declined").error()).isEqualTo("PaymentDeclined");
      assertThat(ended.get("no-show").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      for (String delivered : List.of("happy", "third-try", "no-show")) {
        assertThat(Json.parse(ended.get(delivered).output()).path("deliveredAt").isTextual())
            .as(delivered + ": tracked by the worker, not recorded without its tracking").isTrue();
      }

      // the tables: the three delivered orders took their stock and were paid once; the others took nothing
      Map<String, Long> stock = new HashMap<>();
      for (var item : c.dynamodb.scan(b -> b.tableName("Inventory")).items()) {
        stock.put(item.get("sku").s(), Long.parseLong(item.get("stock").n()));
        assertThat(item.get("holds").m()).as("no hold left on " + item.get("sku").s()).isEmpty();
      }
      long full = DeliverySetup.INITIAL_STOCK;
      assertThat(stock).containsEntry("TEA", full - 2).containsEntry("MUG", full - 1).containsEntry("HONEY", full - 1)
          .containsEntry("KETTLE", full).as("the declined order's stock was put back").containsEntry("JAM", full);
      assertThat(c.dynamodb.scan(b -> b.tableName("Payments")).items()).extracting(p -> p.get("orderId").s() + " " + p.get("status").s())
          .containsExactlyInAnyOrder("O-happy CHARGED", "O-third-try CHARGED", "O-no-show CHARGED");
      assertThat(c.dynamodb.scan(b -> b.tableName("Orders")).items()).extracting(p -> p.get("orderId").s())
          .containsExactlyInAnyOrder("O-happy", "O-third-try", "O-no-show");

      var browser = chromium.browser;
      var wait = chromium.wait;
      // tall enough for the whole page: the graph, the states, and the chosen state's details
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2600));
      open(chromium, demo, arns.get("happy"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Delivered']"), "data-status", "succeeded"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id='States/Delivered']"), "data-status", "succeeded"));
      picture(chromium, "delivery-happy");

      open(chromium, demo, arns.get("out-of-stock"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Out of stock']"), "data-status", "failed"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id='States/Reserve stock']"), "data-status", "not-reached"));
      browser.findElement(By.cssSelector("tr[data-state='Out of stock']")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-error"))).getText()).isEqualTo("OutOfStock");
      picture(chromium, "delivery-out-of-stock");

      open(chromium, demo, arns.get("third-try"));
      WebElement payment = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Take payment']")));
      assertThat(payment.findElements(By.cssSelector(".bar span.attempt"))).as("three tries, one segment each").hasSize(3);
      payment.click();
      List<WebElement> attempts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-attempts")))
          .findElements(By.cssSelector("tbody tr"));
      assertThat(attempts).hasSize(3);
      assertThat(attempts.get(0).getText()).contains("Payment.Unavailable");
      assertThat(attempts.get(2).getText()).contains("succeeded");
      picture(chromium, "delivery-third-try");

      open(chromium, demo, arns.get("declined"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Take payment']"), "data-status", "caught"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Put back reserved stock']"), "data-status", "succeeded"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Payment declined']"), "data-status", "failed"));
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id='States/Dispatch']"), "data-status", "not-reached"));
      browser.findElement(By.cssSelector("tr[data-state='Put back reserved stock']")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#step-details h2"), "Put back reserved stock"));
      picture(chromium, "delivery-declined");

      open(chromium, demo, arns.get("no-show"));
      WebElement courier = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Request courier']")));
      assertThat(courier.findElements(By.cssSelector(".bar span.attempt"))).as("the request timed out, then went to the next courier")
          .hasSize(2);
      courier.click();
      attempts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-attempts"))).findElements(By.cssSelector("tbody tr"));
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).getText()).contains("States.HeartbeatTimeout");
      picture(chromium, "delivery-no-show");
    }
  }

  /** The whole graph (Fit) at the top of the page, as the picture shows it. */
  private static void picture(Chromium chromium, String name) throws java.io.IOException {
    chromium.browser.findElement(By.id("graph-fit")).click();
    ((org.openqa.selenium.JavascriptExecutor) chromium.browser).executeScript("window.scrollTo(0, 0)");
    chromium.screenshot(name);
  }

  private static void open(Chromium chromium, RunningDemo demo, String arn) {
    chromium.browser.get(demo.endpoint() + "/#/execution/" + URLEncoder.encode(arn, StandardCharsets.UTF_8));
  }

  private static String order(String id, String sku, long quantity, String card, String postcode) {
    double price = DeliverySetup.PRODUCTS.get(sku);
    var o = Json.NODES.objectNode().put("orderId", "O-" + id);
    o.putObject("customer").put("id", "C-1").put("email", "ada@example.com");
    o.putObject("address").put("line1", "1 Analytical Row").put("postcode", postcode);
    o.putArray("lines").addObject().put("sku", sku).put("quantity", quantity).put("price", price);
    o.put("total", price * quantity);
    o.putObject("card").put("token", card);
    o.put("dispatchAfterSeconds", 1);
    return Json.write(o);
  }
}
