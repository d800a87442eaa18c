package io.stepwise.cli;

import io.stepwise.asl.validate.Problem;
import io.stepwise.engine.mock.InvalidMockConfigException;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.MockConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a mock configuration file (Step Functions Local's MockConfigFile.json) for {@code stepwise
 * run} and {@code stepwise serve}: a file that cannot be read or used is refused, with every
 * problem at its JSON Pointer.
 */
final class MockConfigFiles {
  /** Step Functions Local's variable for the file, read by {@code stepwise serve} after its own. */
  static final String SFN_LOCAL_ENV = "SFN_MOCK_CONFIG";
  /** Step Functions Local's default file in the working directory. */
  static final String SFN_LOCAL_NAME = "MockConfigFile.json";

  private MockConfigFiles() {}

  /** The file's configuration, its path as its source; an {@link Inputs.InputException} listing what is wrong otherwise. */
  static MockConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Inputs.InputException("the mock configuration " + file + " cannot be read: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
    try {
      return MockConfigParser.parse(text).from(file.toString());
    } catch (InvalidMockConfigException e) {
      StringBuilder b = new StringBuilder(file + ": invalid mock configuration (" + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems") + ")");
      for (Problem p : e.problems()) {
        b.append(System.lineSeparator()).append("  ").append(p);
      }
      throw new Inputs.InputException(b.toString());
    }
  }

  /** Why the test case cannot be run, naming it, the machine and the file; null when it can. */
  static String refusal(MockConfig config, String machine, String testCase) {
    if (!config.hasStateMachine(machine)) {
      return "the state machine '" + machine + "' is not in the mock configuration " + config.source()
          + " (its StateMachines: " + String.join(", ", new java.util.TreeSet<>(config.stateMachines().keySet())) + ")";
    }
    if (config.testCase(machine, testCase).isEmpty()) {
      return "the test case '" + testCase + "' is not among the TestCases of the state machine '" + machine
          + "' in the mock configuration " + config.source() + " (its test cases: "
          + String.join(", ", new java.util.TreeSet<>(config.stateMachines().get(machine).keySet())) + ")";
    }
    return null;
  }
}
