package io.stepwise.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A failed assertion names the field or the state that differs and shows expected and actual JSON, then how the run went. */
class AssertionMessagesTest {
  private final Workflows workflows = new Workflows(getClass().getClassLoader());

  @AfterEach
  void close() {
    workflows.close();
  }

  private WorkflowRun order() {
    return workflows.load(WorkflowsTest.ORDER)
        .mock("Reserve", Mock.returns(WorkflowsTest.RESERVED))
        .mock("TakePayment", Mock.returns(WorkflowsTest.PAID))
        .mock("Ship", Mock.returns("{}"))
        .run("{\"orderId\":\"O-1\",\"amount\":1}");
  }

  @Test
  void aWrongOutputNamesTheFirstDifferingFieldAndShowsBothValues() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> order().assertOutput("{\"orderId\":\"O-1\",\"paymentId\":\"P-10\",\"reservation\":\"R-1\"}"));
    assertThat(e.getMessage()).isEqualTo("""
        output differs: first difference at /paymentId: expected "P-10", got "P-9"
          expected: {"orderId":"O-1","paymentId":"P-10","reservation":"R-1"}
          actual:   {"orderId":"O-1","paymentId":"P-9","reservation":"R-1"}
        the run of order with input {"orderId":"O-1","amount":1} ended SUCCEEDED after the states Reserve > TakePayment > WaitForCourier > Ship > Done""");
    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("{\"orderId\":\"O-1\",\"paymentId\":\"P-10\",\"reservation\":\"R-1\"}");
    assertThat(e.getActual().getStringRepresentation()).isEqualTo("{\"orderId\":\"O-1\",\"paymentId\":\"P-9\",\"reservation\":\"R-1\"}");
  }

  @Test
  void wrongStatesNameTheFirstIndexAndTheStates() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> order().assertStates("Reserve", "Ship"));
    assertThat(e.getMessage()).startsWith("states differs: at index 1 expected \"Ship\", got \"TakePayment\"\n"
        + "  expected: [\"Reserve\",\"Ship\"]\n"
        + "  actual:   [\"Reserve\",\"TakePayment\",\"WaitForCourier\",\"Ship\",\"Done\"]");
  }

  @Test
  void aStatesOutputNamesTheState() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class, () -> order().assertStateOutput("Reserve", "{}"));
    assertThat(e.getMessage()).startsWith("the output of state \"Reserve\" differs: first difference at /orderId: expected (none), got \"O-1\"");
    AssertionFailedError never = catchThrowableOfType(AssertionFailedError.class,
        () -> workflows.load(WorkflowsTest.ORDER).mock("Reserve", Mock.fails("Stock.Out")).run().assertStateOutput("Ship", "{}"));
    assertThat(never.getMessage()).startsWith("the output of state \"Ship\" differs: the state never exited");
  }

  @Test
  void anUnexpectedFailureShowsItsErrorAndCause() {
    AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
        () -> workflows.load(WorkflowsTest.ORDER).mock("Reserve", Mock.fails("Stock.Out", "none left")).run().assertSucceeded());
    assertThat(e.getMessage()).startsWith("status differs: it ended FAILED with error \"Order.OutOfStock\", cause \"The stock ran out"
        + " before the order was reserved.\"\n  expected: SUCCEEDED\n  actual:   FAILED\n");
    AssertionFailedError cause = catchThrowableOfType(AssertionFailedError.class,
        () -> workflows.load(WorkflowsTest.ORDER).mock("Reserve", Mock.fails("Stock.Out")).run().assertFailed("Order.OutOfStock", "sold out"));
    assertThat(cause.getMessage()).startsWith("cause differs\n  expected: \"sold out\"\n  actual:   \"The stock ran out before the order was reserved.\"");
    AssertionFailedError variable = catchThrowableOfType(AssertionFailedError.class, () -> order().assertVariable("total", "3"));
    assertThat(variable.getMessage()).startsWith("variables.total differs: no top-level state assigned $total\n  expected: 3\n  actual:   (none)");
  }
}
