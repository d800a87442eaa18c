package io.stepwise.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases run in memory on their mocks, with fast time; a failing case says which field differs and how. */
class SuiteRunnerTest {
  private static final Path EXAMPLE = Path.of("../examples/testing/order-suite.yaml");

  private static Suite suite(String yaml) {
    return SuiteParser.parse(yaml, "suite.yaml", EXAMPLE.getParent());
  }

  @Test
  void theExampleSuitePassesWithoutWaitingForItsWaitStateOrRetry() {
    SuiteResult r = new SuiteRunner().run(SuiteParser.parse(EXAMPLE));
    assertThat(r.cases()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.text()).isTrue());
    assertThat(r.cases()).hasSize(4);
    assertThat(r.millis()).as("a Wait of an hour and a 30 s retry take no wall time").isLessThan(5_000);
  }

  @Test
  void aFailingCaseNamesTheFieldsThatDifferWithExpectedAndActual() {
    SuiteResult r = new SuiteRunner().run(suite("""
        definition: order.asl.json
        stateMachineName: Order
        cases:
          - name: wrong
            input: {orderId: O-1, amount: 42}
            mocks:
              Reserve: {"0": {Return: {Payload: {reservation: R-1}}}}
              TakePayment: {"0": {Return: {Payload: {paymentId: P-9}}}}
              Ship: {"0": {Return: {}}}
            expect:
              output: {orderId: O-1, paymentId: P-10, reservation: R-1}
              states: [Reserve, TakePayment, Ship, Done]
              variables: {reservation: R-1, shipped: false, total: 3}
        """));
    CaseResult c = r.cases().get(0);
    assertThat(c.passed()).isFalse();
    assertThat(c.differences()).extracting(Difference::field).containsExactly("output", "states", "variables.shipped", "variables.total");
    Difference output = c.differences().get(0);
    assertThat(output.detail()).isEqualTo("first difference at /paymentId: expected \"P-10\", got \"P-9\"");
    assertThat(output.expected()).isEqualTo("{\"orderId\":\"O-1\",\"paymentId\":\"P-10\",\"reservation\":\"R-1\"}");
    assertThat(output.actual()).isEqualTo("{\"orderId\":\"O-1\",\"paymentId\":\"P-9\",\"reservation\":\"R-1\"}");
    Difference states = c.differences().get(1);
    assertThat(states.detail()).isEqualTo("at index 2 expected \"Ship\", got \"WaitForCourier\"");
    assertThat(states.actual()).isEqualTo("[\"Reserve\",\"TakePayment\",\"WaitForCourier\",\"Ship\",\"Done\"]");
    assertThat(c.differences().get(2).text()).isEqualTo("variables.shipped differs\n  expected: false\n  actual:   true");
    assertThat(c.differences().get(3).detail()).isEqualTo("no top-level state assigned $total (assigned: reservation, shipped)");
    assertThat(TextReport.line(c)).startsWith("FAIL  wrong  (").contains("\n      output differs: first difference at /paymentId");
    assertThat(TextReport.summary(r)).startsWith("0 passed, 1 failed");
  }

  @Test
  void anUnexpectedFailureShowsItsErrorAndCauseAndAnUnmockedTaskFailsForWantOfAHandler() {
    SuiteResult r = new SuiteRunner().run(suite("""
        definition: order.asl.json
        cases:
          - name: nothing mocked
            expect: {status: SUCCEEDED}
          - name: expects the failure
            expect: {error: States.TaskFailed, states: [Reserve], output: null}
        """));
    Difference d = r.cases().get(0).differences().get(0);
    assertThat(d.field()).isEqualTo("status");
    assertThat(d.expected()).isEqualTo("SUCCEEDED");
    assertThat(d.actual()).isEqualTo("FAILED");
    assertThat(d.detail()).startsWith("it ended FAILED with error \"States.TaskFailed\", cause \"No handler is registered");
    assertThat(r.cases().get(1).passed()).as(r.cases().get(1).text()).isTrue();
    assertThat(r.passed()).isEqualTo(1);
  }

  @Test
  void numbersCompareByValueAndKeyOrderDoesNotMatter() {
    SuiteResult r = new SuiteRunner().run(suite("""
        definition: {StartAt: P, States: {P: {Type: Pass, Result: {b: 1.0, a: [1, 2e0]}, End: true}}}
        cases:
          - name: equal
            expect: {output: {a: [1.00, 2], b: 1}}
          - name: longer
            expect: {output: {a: [1, 2, 3], b: 1}}
        """));
    assertThat(r.cases().get(0).passed()).as(r.cases().get(0).text()).isTrue();
    assertThat(r.cases().get(1).differences()).extracting(Difference::detail)
        .containsExactly("first difference at /a/2: expected 3, got (none)");
  }

  @Test
  void variablesAreTheTopLevelScopesNotThoseOfABranch() {
    SuiteResult r = new SuiteRunner().run(suite("""
        definition:
          StartAt: Both
          States:
            Both:
              Type: Parallel
              Branches:
                - {StartAt: Inner, States: {Inner: {Type: Pass, Assign: {inner: 1}, End: true}}}
              Assign: {outer: 2}
              End: true
        cases:
          - name: scopes
            expect:
              states: [Both, Inner]
              variables: {outer: 2, inner: 1}
        """));
    assertThat(r.cases().get(0).differences()).extracting(Difference::field).containsExactly("variables.inner");
    assertThat(r.cases().get(0).outcome().variables().toString()).isEqualTo("{\"outer\":2}");
  }

  @Test
  void aMachineTimeoutEndsTheRunTimedOutWithoutWaitingForIt() {
    SuiteResult r = new SuiteRunner().run(suite("""
        definition: {TimeoutSeconds: 60, StartAt: W, States: {W: {Type: Wait, Seconds: 3600, End: true}}}
        cases:
          - name: times out
            expect: {status: TIMED_OUT, states: [W]}
        """));
    assertThat(r.cases().get(0).passed()).as(r.cases().get(0).text()).isTrue();
    assertThat(r.millis()).isLessThan(5_000);
  }

  @Test
  void statesListsWhatTheRunEnteredPastTheExpectedEnd() {
    assertThat(Comparison.states(List.of("A"), List.of("A", "B")).detail()).isEqualTo("at index 1 the run entered \"B\", expected no more states");
    assertThat(Comparison.states(List.of("A", "B"), List.of("A")).detail()).isEqualTo("at index 1 expected \"B\", but the run entered no more states");
    assertThat(Comparison.states(List.of("A"), List.of("A"))).isNull();
  }
}
