package io.stepwise.testing;

import io.stepwise.asl.validate.Problem;
import io.stepwise.engine.mock.InvalidMockConfigException;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.mock.MockedResponse;
import io.stepwise.engine.mock.TestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** The Step Functions Local files ({@code mockConfig}) a suite's cases name, each read once. */
final class MockFiles {
  private final Path dir;
  private final Fields f;
  private final Map<Path, Optional<MockConfig>> read = new HashMap<>();

  MockFiles(Path dir, Fields f) {
    this.dir = dir;
    this.f = f;
  }

  /**
   * Hands each state the file's test case mocks, with its mocked response, to {@code each}; reports
   * at {@code at} a file that cannot be read or used, or a test case it does not hold for the machine.
   */
  void testCase(String file, String name, String machine, String at, BiConsumer<String, MockedResponse> each) {
    Path path = dir.resolve(file);
    Optional<MockConfig> config = read.computeIfAbsent(path, p -> load(p, at + "/mockConfig"));
    if (config.isEmpty()) {
      return;
    }
    MockConfig c = config.get();
    if (!c.hasStateMachine(machine)) {
      f.problem(at + "/testCase", "the state machine \"" + machine + "\" is not in the mock configuration " + file
          + " (its StateMachines: " + String.join(", ", new TreeSet<>(c.stateMachines().keySet()))
          + "; the suite's stateMachineName says which to use)");
      return;
    }
    Optional<TestCase> tc = c.testCase(machine, name);
    if (tc.isEmpty()) {
      f.problem(at + "/testCase", "the test case \"" + name + "\" is not among the TestCases of \"" + machine + "\" in " + file
          + " (" + String.join(", ", new TreeSet<>(c.stateMachines().get(machine).keySet())) + ")");
      return;
    }
    tc.get().responses().forEach((state, response) -> each.accept(state, c.response(response).orElseThrow()));
  }

  private Optional<MockConfig> load(Path path, String at) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      f.problem(at, "the mock configuration " + path + " cannot be read: "
          + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
      return Optional.empty();
    }
    try {
      return Optional.of(MockConfigParser.parse(text));
    } catch (InvalidMockConfigException e) {
      for (Problem p : e.problems()) {
        f.problem(at, path.getFileName() + " is invalid at " + (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.message());
      }
      return Optional.empty();
    }
  }
}
