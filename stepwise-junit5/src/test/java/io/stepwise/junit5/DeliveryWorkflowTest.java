package io.stepwise.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The delivery assistant's workflow (examples/delivery) tested as its users would test theirs:
 * every service mocked, one test per path, and its stepwise test suite run as dynamic tests.
 */
@StepwiseTest
class DeliveryWorkflowTest {
  static final String DELIVERY = "../examples/delivery/delivery.asl.json";
  static final String ORDER = """
      {"orderId":"O-1","customer":{"id":"C-1","email":"ada@example.com"},
       "address":{"line1":"1 Analytical Row","postcode":"N1 9GU"},
       "lines":[{"sku":"TEA","quantity":2,"price":3.5},{"sku":"MUG","quantity":1,"price":8}],
       "total":15,"card":{"token":"tok_visa"}}""";
  static final Mock IN_STOCK = Mock.returns("{\"Item\":{\"stock\":{\"N\":\"10\"}}}");
  static final Mock OK = Mock.returns("{\"Attributes\":{}}");
  static final Mock CHARGED = Mock.returns("{\"StatusCode\":200,\"Payload\":{\"paymentId\":\"PAY-1\",\"status\":\"CHARGED\"}}");
  static final Mock COURIER = Mock.returns("{\"courierId\":\"courier-7\"}");

  private static Workflow paidAndReserved(Workflows workflows) {
    return workflows.load(DELIVERY).named("DeliveryAssistant")
        .mock("Get stock", IN_STOCK).mock("Take stock", OK).mock("Put back", OK).mock("Take payment", CHARGED)
        .mock("Notify customer", Mock.returns("{\"MessageId\":\"m-1\"}")).mock("Request courier", COURIER)
        .mock("Track delivery", Mock.returns("{\"deliveredAt\":\"2026-12-03T18:05:00Z\"}")).mock("Mark delivered", OK)
        .mock("Held already?", Mock.returns("{\"Item\":{}}")).mock("Release hold", OK);
  }

  @Test
  void aHappyOrderIsDeliveredAndRecordedWithItsPaymentAndCourier(Workflows workflows) {
    paidAndReserved(workflows).run(ORDER).assertSucceeded()
        .assertOutput("{\"orderId\":\"O-1\",\"status\":\"DELIVERED\",\"paymentId\":\"PAY-1\",\"courierId\":\"courier-7\","
            + "\"deliveredAt\":\"2026-12-03T18:05:00Z\"}")
        .assertVariable("reserved", "[{\"sku\":\"TEA\",\"quantity\":2,\"reserved\":true},{\"sku\":\"MUG\",\"quantity\":1,\"reserved\":true}]");
  }

  @Test
  void anOrderOfMoreThanTheStockFailsOutOfStockBeforeReservingAnything(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows)
        .mock("Get stock", Mock.sequence(IN_STOCK, Mock.returns("{\"Item\":{\"stock\":{\"N\":\"0\"}}}")))
        .run(ORDER).assertFailed("OutOfStock");
    assertThat(run.states()).doesNotContain("Take stock", "Take payment");
  }

  @Test
  void aLineTakenMeanwhileHasTheReservedLinesPutBack(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows)
        .mock("Take stock", Mock.sequence(OK, Mock.fails("DynamoDB.ConditionalCheckFailedException", "The conditional request failed")))
        .run(ORDER).assertFailed("OutOfStock");
    assertThat(run.states()).containsSubsequence("Held already?", "Put back reserved stock", "Put back", "Out of stock")
        .doesNotContain("Take payment");
    assertThat(run.states().stream().filter("Put back"::equals)).as("only the reserved line is put back").hasSize(1);
  }

  @Test
  void aReservationRepeatedAfterACrashIsRecognisedByItsHold(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows)
        .mock("Take stock", Mock.sequence(OK, Mock.fails("DynamoDB.ConditionalCheckFailedException", "The conditional request failed")))
        .mock("Held already?", Mock.returns("{\"Item\":{\"holds\":{\"M\":{\"O-1\":{\"N\":\"1\"}}}}}"))
        .run(ORDER).assertSucceeded()
        .assertVariable("reserved", "[{\"sku\":\"TEA\",\"quantity\":2,\"reserved\":true},{\"sku\":\"MUG\",\"quantity\":1,\"reserved\":true}]");
    assertThat(run.states().stream().filter("Release hold"::equals)).as("each line's hold lifted once delivered").hasSize(2);
  }

  @Test
  void aPaymentThatFailsTwiceIsTakenOnTheThirdTry(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows)
        .mock("Take payment", Mock.sequence(Mock.fails("Payment.Unavailable", "busy"), Mock.fails("Payment.Unavailable", "busy"), CHARGED))
        .run(ORDER).assertSucceeded();
    assertThat(run.result().historyJson().findValues("type").stream().filter(t -> t.asText().equals("TaskFailed"))).hasSize(2);
  }

  @Test
  void aPaymentThatFailsForGoodIsRefundedInCaseItChargedAndTheStockPutBack(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows).mock("Take payment", Mock.fails("States.Timeout", "too slow"))
        .mock("Refund", Mock.returns("{\"StatusCode\":200,\"Payload\":{\"status\":\"NOTHING_TO_REFUND\"}}"))
        .run(ORDER).assertFailed("PaymentFailed");
    assertThat(run.states()).containsSubsequence("Take payment", "Refund", "Put back reserved stock", "Payment failed")
        .doesNotContain("Dispatch");
  }

  @Test
  void aDeclinedCardPutsTheStockBackAndFailsPaymentDeclined(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows).mock("Take payment", Mock.fails("Payment.Declined", "insufficient funds"))
        .run(ORDER).assertFailed("PaymentDeclined", "The card was declined (insufficient funds); the reserved stock was put back.");
    assertThat(run.states().stream().filter("Put back"::equals)).as("both lines put back").hasSize(2);
    assertThat(run.states()).doesNotContain("Dispatch");
  }

  @Test
  void aCourierWhoNeverAnswersLosesTheOrderToTheNext(Workflows workflows) {
    paidAndReserved(workflows)
        .mock("Request courier", Mock.sequence(Mock.fails("States.HeartbeatTimeout", "silent"), Mock.returns("{\"courierId\":\"courier-9\"}")))
        .run(ORDER).assertSucceeded().assertVariable("courier", "{\"courierId\":\"courier-9\"}");
  }

  @Test
  void withNoCourierAtAllThePaymentIsRefundedAndTheStockPutBack(Workflows workflows) {
    WorkflowRun run = paidAndReserved(workflows).mock("Request courier", Mock.fails("States.Timeout", "nobody"))
        .mock("Refund", Mock.returns("{\"StatusCode\":200,\"Payload\":{\"refundId\":\"REF-1\"}}"))
        .run(ORDER).assertFailed("NoCourier");
    assertThat(run.states()).containsSubsequence("Request courier", "Refund", "Put back reserved stock", "No courier");
  }

  @Test
  void anOrderWhoseTotalIsWrongIsRefusedFirst(Workflows workflows) {
    paidAndReserved(workflows).run(ORDER.replace("\"total\":15", "\"total\":16"))
        .assertFailed("InvalidOrder").assertStates("Order received", "Validate order", "Invalid order");
  }

  @TestFactory
  Stream<DynamicTest> theSuite(Workflows workflows) {
    return workflows.suite("../examples/delivery/delivery-suite.yaml");
  }
}
