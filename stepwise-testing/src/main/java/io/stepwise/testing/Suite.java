package io.stepwise.testing;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.mock.MockConfig;
import java.util.List;

/**
 * A parsed suite, ready to run: its definition loaded once, the mocks of every case gathered into
 * one mock configuration (a test case per case, under the suite's state machine name).
 *
 * @param name the suite's name (its {@code name}, else the file name)
 * @param machine the loaded definition
 * @param machineName the state machine's name, as {@code $$.StateMachine.Name} and the ARNs see it
 * @param mocks the mock configuration the cases run with
 * @param cases in the order written
 */
public record Suite(String name, StateMachine machine, String machineName, MockConfig mocks, List<SuiteCase> cases) {
  public Suite {
    cases = List.copyOf(cases);
  }
}
