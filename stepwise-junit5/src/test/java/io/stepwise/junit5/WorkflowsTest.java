package io.stepwise.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.testing.InvalidSuiteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A test loads a definition, mocks its Task states by name, runs it in memory and asserts on the run. */
@StepwiseTest
class WorkflowsTest {
  static final String ORDER = "../examples/testing/order.asl.json";
  static final String RESERVED = "{\"StatusCode\":200,\"Payload\":{\"reservation\":\"R-1\"}}";
  static final String PAID = "{\"StatusCode\":200,\"Payload\":{\"paymentId\":\"P-9\"}}";

  private Workflows before;

  @BeforeEach
  void setUp(Workflows workflows) {
    before = workflows;
  }

  @Test
  void anOrderThatIsReservedPaidAndShippedSucceeds(Workflows workflows) {
    assertThat(workflows).as("one Workflows per test, the same in @BeforeEach").isSameAs(before);
    workflows.load(ORDER)
        .mock("Reserve", Mock.returns(RESERVED))
        .mock("TakePayment", Mock.returns(PAID))
        .mock("Ship", Mock.returns("{\"MessageId\":\"m-1\"}"))
        .run("{\"orderId\":\"O-1\",\"amount\":42}")
        .assertSucceeded()
        .assertOutput("{\"orderId\":\"O-1\",\"paymentId\":\"P-9\",\"reservation\":\"R-1\"}")
        .assertStates("Reserve", "TakePayment", "WaitForCourier", "Ship", "Done")
        .assertVariable("reservation", "\"R-1\"")
        .assertVariable("shipped", "true")
        .assertStateOutput("TakePayment", "{\"orderId\":\"O-1\",\"amount\":42,\"stock\":{\"reservation\":\"R-1\"},\"payment\":{\"paymentId\":\"P-9\"}}");
  }

  /** The example of docs/testing.md, "JUnit 5". */
  @Test
  void theDocumentedExample(Workflows workflows) {
    workflows.load(ORDER)
        .mock("Reserve", Mock.sequence(
            Mock.fails("Lambda.TooManyRequestsException", "slow down"),
            Mock.returns("{\"Payload\":{\"reservation\":\"R-1\"}}")))
        .mock("TakePayment", Mock.returns("{\"Payload\":{\"paymentId\":\"P-9\"}}"))
        .mock("Ship", Mock.of("{\"0\":{\"Return\":{}}}"))
        .run("{\"orderId\":\"O-1\",\"amount\":42}")
        .assertSucceeded()
        .assertOutput("{\"orderId\":\"O-1\",\"paymentId\":\"P-9\",\"reservation\":\"R-1\"}")
        .assertStates("Reserve", "TakePayment", "WaitForCourier", "Ship", "Done")
        .assertVariable("reservation", "\"R-1\"");
  }

  @Test
  void aFailureThatIsCaughtEndsInTheFailState(Workflows workflows) {
    workflows.load(ORDER)
        .mock("Reserve", Mock.fails("Stock.Out", "none left"))
        .run("{\"orderId\":\"O-3\"}")
        .assertFailed("Order.OutOfStock", "The stock ran out before the order was reserved.")
        .assertStates("Reserve", "OutOfStock");
  }

  @Test
  void aSequenceAnswersOneCallEachSoARetryGetsTheNextAnswer(Workflows workflows) {
    WorkflowRun run = workflows.load(ORDER)
        .mock("Reserve", Mock.sequence(Mock.fails("Lambda.TooManyRequestsException", "slow down"), Mock.returns(RESERVED)))
        .mock("TakePayment", Mock.returns(PAID))
        .mock("Ship", Mock.returns("{}"))
        .run("{\"orderId\":\"O-2\",\"amount\":5}")
        .assertSucceeded();
    assertThat(run.result().historyJson().findValuesAsText("type")).filteredOn("TaskFailed"::equals).hasSize(1);

    workflows.load(ORDER)
        .mock("Reserve", Mock.sequence(Mock.fails("Lambda.TooManyRequestsException"), Mock.fails("Lambda.TooManyRequestsException"),
            Mock.fails("Lambda.TooManyRequestsException")))
        .run()
        .assertFailed("Lambda.TooManyRequestsException");
    workflows.load(ORDER)
        .mock("Reserve", Mock.sequence(Mock.fails("Lambda.TooManyRequestsException")))
        .run()
        .assertFailed("States.Runtime");
  }

  @Test
  void aDefinitionOnTheClasspathWithAMockInStepFunctionsLocalsFormat(Workflows workflows) {
    workflows.load("flows/greet.asl.json")
        .mock("LookUp", Mock.of("{\"0\":{\"Return\":{\"Item\":{\"name\":{\"S\":\"Ada\"}}}}}"))
        .run("{\"id\":\"7\"}")
        .assertSucceeded()
        .assertOutput("{\"greeting\":\"Hello, Ada\"}")
        .assertVariable("person", "\"Ada\"");
  }

  @Test
  void aTestCaseOfAStepFunctionsLocalFileMocksItsStates(Workflows workflows) {
    Path file = Path.of("../examples/testing/MockConfigFile.json");
    workflows.load(ORDER).named("Order").mockConfig(file, "HappyPath")
        .run("{\"orderId\":\"O-4\",\"amount\":7}")
        .assertOutput("{\"orderId\":\"O-4\",\"paymentId\":\"P-9\",\"reservation\":\"R-1\"}");
    assertThatThrownBy(() -> workflows.load(ORDER).mockConfig(file, "HappyPath")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the test case \"HappyPath\" of the state machine \"order\" is not in").hasMessageContaining("(its state machines: Order;");
  }

  @Test
  void anUnmockedTaskGoesToAnInvokerOrFailsForWantOfOne(Workflows workflows) {
    AtomicInteger calls = new AtomicInteger();
    workflows.load("flows/greet.asl.json")
        .invoker("arn:aws:states:::dynamodb:getItem", request -> {
          calls.incrementAndGet();
          return Json.parse("{\"Item\":{\"name\":{\"S\":\"Grace\"}}}");
        })
        .run("{\"id\":\"8\"}")
        .assertOutput("{\"greeting\":\"Hello, Grace\"}");
    assertThat(calls).hasValue(1);
    WorkflowRun run = workflows.load("flows/greet.asl.json").run("{\"id\":\"9\"}");
    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).isEqualTo("States.TaskFailed");
  }

  @TestFactory
  Stream<DynamicTest> theExampleSuiteAsOneTestPerCase(Workflows workflows) {
    return workflows.suite("../examples/testing/order-suite.yaml");
  }

  @Test
  void aFailingCaseOfASuiteIsAFailingTestWithItsDifferences(Workflows workflows, @TempDir Path dir) throws Throwable {
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, """
        definition: {StartAt: P, States: {P: {Type: Pass, Result: 1, End: true}}}
        cases: [{name: one, expect: {output: 1}}, {name: two, expect: {output: 2}}]
        """);
    List<DynamicTest> tests = workflows.suite(suite.toString()).toList();
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("one", "two");
    tests.get(0).getExecutable().execute();
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
        .hasMessage("output differs\n  expected: 2\n  actual:   1");
    Files.writeString(suite, "definition: {}\ncases: []\n");
    assertThatThrownBy(() -> workflows.suite(suite.toString())).isInstanceOf(InvalidSuiteException.class)
        .hasMessageContaining("/cases: has no cases");
  }

  @Test
  void mockingAStateTheDefinitionLacksOrThatIsNoTaskIsRefused(Workflows workflows) {
    Workflow order = workflows.load(ORDER);
    assertThatThrownBy(() -> order.mock("Pay", Mock.returns("1"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the definition has no state \"Pay\" (its Task states: Reserve, Ship, TakePayment)");
    assertThatThrownBy(() -> order.mock("Done", Mock.returns("1"))).hasMessageStartingWith("the state \"Done\" is a Pass state");
    assertThatThrownBy(() -> workflows.load("nowhere.asl.json")).hasMessageContaining("neither a classpath resource nor a file");
    assertThatThrownBy(() -> workflows.define("{\"StartAt\":\"A\",\"States\":{}}")).hasMessageStartingWith("the definition given is not a valid definition:");
    assertThatThrownBy(() -> Mock.of("{\"x\":{\"Return\":1}}")).hasMessageContaining("/x: \"x\" is not a call number or range");
  }
}
