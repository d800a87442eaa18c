package io.stepwise.engine.run;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.engine.mock.MockCall;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.TestCase;
import java.util.HashMap;
import java.util.Map;

/**
 * The mocked calls of one execution started with a test case: which states its test case mocks,
 * and how many times each has been called so far (per state name across the whole execution,
 * Parallel branches and Map iterations included; retries count). The count is the engine's, made
 * as it steps, so a replay of the history counts the same calls again.
 */
final class MockCalls {
  private final String testCaseName;
  private final String machine;
  private final MockConfig config;
  private TestCase testCase;
  private final Map<String, Integer> calls = new HashMap<>();

  private MockCalls(String testCaseName, String machine, MockConfig config) {
    this.testCaseName = testCaseName;
    this.machine = machine;
    this.config = config;
  }

  /** For an execution's record: null when it runs with no test case. */
  static MockCalls of(ExecutionInfo info, MockConfig config) {
    String name = info.record().testCase();
    if (name == null) {
      return null;
    }
    // a Distributed Map's child runs MACHINE/LABEL: its states are its parent machine's
    String machine = info.stateMachineName;
    int slash = machine.indexOf('/');
    return new MockCalls(name, slash < 0 ? machine : machine.substring(0, slash), config);
  }

  /** The call a mock answers when the state is scheduled now, or null when the test case does not mock it. */
  MockCall next(String stateName) {
    if (testCase == null) {
      testCase = config.testCase(machine, testCaseName).orElseThrow(() -> new StatesException(StatesErrors.RUNTIME,
          "The execution runs with the test case '" + testCaseName + "' of the state machine '" + machine
              + "', which the mock configuration does not hold"));
    }
    String response = testCase.responseFor(stateName);
    if (response == null) {
      return null;
    }
    int n = calls.merge(stateName, 1, Integer::sum) - 1;
    return new MockCall(testCaseName, response, n);
  }
}
