package io.stepwise.testing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.DefinitionException;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.asl.validate.Problem;
import io.stepwise.engine.mock.MockedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite file (YAML, or JSON when its name ends in .json):
 *
 * <pre>
 * name: order                       # optional: the suite's name (default: the file's)
 * definition: order.asl.json        # a path relative to the suite file, or the definition itself
 * stateMachineName: Order           # optional (default: the definition's file name)
 * MockedResponses: {...}            # optional: Step Functions Local's format, shared by the cases
 * cases:
 *   - name: pays and ships
 *     input: {...}
 *     mocks: {TakePayment: Paid, Ship: {"0": {Return: {...}}}}
 *     mockConfig: MockConfigFile.json   # optional, with testCase: a Step Functions Local test case
 *     testCase: HappyPath
 *     expect: {status: SUCCEEDED, output: {...}, error: ..., cause: ..., states: [...], variables: {...}}
 * </pre>
 *
 * Everything is checked before any case runs, and every problem is reported at once at its JSON
 * Pointer into the suite file: unknown keys, values of the wrong kind, a definition that does not
 * validate (with the validator's problems), a mock of a state the definition lacks or that is no
 * Task, a mocked response name the suite does not define, a malformed mocked response (by Step
 * Functions Local's rules), a mockConfig file or test case that cannot be used, two cases of one name.
 */
public final class SuiteParser {
  static final Set<String> SUITE_KEYS = new LinkedHashSet<>(List.of("name", "definition", "stateMachineName", "MockedResponses", "cases"));
  static final Set<String> CASE_KEYS = new LinkedHashSet<>(List.of("name", "input", "mocks", "mockConfig", "testCase", "expect"));

  private final List<Problem> problems = new ArrayList<>();
  private final Fields f = new Fields(problems);
  private final String source;
  private final Path dir;
  private final SuiteMocks mocks = new SuiteMocks();
  private final MockFiles files;
  private StateMachine machine;
  private Map<String, State> states;
  private String machineName;
  private Map<String, MockedResponse> shared = Map.of();

  private SuiteParser(String source, Path dir) {
    this.source = source;
    this.dir = dir;
    this.files = new MockFiles(dir, f);
  }

  /** Reads and checks the suite file; an {@link InvalidSuiteException} lists what is wrong with it. */
  public static Suite parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSuiteException(file.toString(), List.of(new Problem("",
          "cannot be read: " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()))));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  /**
   * Reads and checks suite text: JSON when {@code source} ends in .json, else YAML. Paths in it
   * (the definition, mockConfig files) are relative to {@code dir}.
   */
  public static Suite parse(String text, String source, Path dir) {
    JsonNode root;
    boolean json = source.endsWith(".json");
    try {
      root = json ? Json.parse(text) : YamlTree.read(text);
    } catch (JacksonException e) {
      throw new InvalidSuiteException(source, List.of(new Problem("", "not JSON: " + Json.problem(e))));
    } catch (IllegalArgumentException e) {
      throw new InvalidSuiteException(source, List.of(new Problem("", "not YAML: " + e.getMessage())));
    }
    return parse(root, source, dir);
  }

  /** Checks a suite already read into a tree. */
  public static Suite parse(JsonNode root, String source, Path dir) {
    SuiteParser p = new SuiteParser(source, dir);
    Suite suite = p.suite(root);
    if (!p.problems.isEmpty()) {
      throw new InvalidSuiteException(source, p.problems);
    }
    return suite;
  }

  private Suite suite(JsonNode root) {
    if (root == null || !root.isObject()) {
      f.problem("", "a suite is an object with definition and cases");
      return null;
    }
    f.onlyKeys(root, "", "a suite", SUITE_KEYS);
    String name = f.text(root, "name", "");
    definition(root.get("definition"));
    machineName = f.text(root, "stateMachineName", "");
    if (machineName == null) {
      machineName = defaultMachineName(root.get("definition"));
    }
    JsonNode responses = root.get("MockedResponses");
    if (responses != null) {
      shared = SuiteMocks.read(responses, "/MockedResponses", f);
    }
    List<SuiteCase> cases = new ArrayList<>();
    JsonNode list = root.get("cases");
    if (list == null) {
      f.problem("", "missing cases: a suite has a list of cases");
    } else if (!list.isArray() || list.isEmpty()) {
      f.problem("/cases", list.isArray() ? "has no cases" : "must be a list of cases, not " + Fields.kind(list));
    } else {
      Set<String> names = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        SuiteCase c = testCase(list.get(i), "/cases/" + i, names, responses != null);
        if (c != null) {
          cases.add(c);
        }
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Suite(name != null ? name : baseName(source), machine, machineName, mocks.build(machineName, source), cases);
  }

  private void definition(JsonNode node) {
    if (node == null) {
      f.problem("", "missing definition: a path relative to the suite file, or the definition itself");
      return;
    }
    if (node.isObject()) {
      String text = Json.write(node);
      try {
        machine = StateMachineParser.parse(text);
      } catch (DefinitionException e) {
        for (Problem p : e.problems()) {
          f.problem("/definition" + p.pointer(), p.message());
        }
      }
    } else if (node.isTextual()) {
      Path file = dir.resolve(node.asText());
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        f.problem("/definition", "the definition " + file + " cannot be read: "
            + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        return;
      }
      try {
        machine = StateMachineParser.parse(text);
      } catch (DefinitionException e) {
        for (Problem p : e.problems()) {
          f.problem("/definition", node.asText() + " is invalid at " + (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.message());
        }
      }
    } else {
      f.problem("/definition", "must be a path (a string) or the definition (an object), not " + Fields.kind(node));
    }
    if (machine != null) {
      states = StateNames.all(machine);
    }
  }

  private SuiteCase testCase(JsonNode node, String at, Set<String> names, boolean hasShared) {
    if (!f.object(node, at, "a case")) {
      return null;
    }
    f.onlyKeys(node, at, "a case", CASE_KEYS);
    String name = f.text(node, "name", at);
    if (name == null && !node.has("name")) {
      f.problem(at, "missing name");
    } else if (name != null && !names.add(name)) {
      f.problem(at + "/name", "another case is named \"" + name + "\": each case has a name of its own");
    }
    JsonNode input = node.has("input") ? node.get("input") : Json.NODES.objectNode();
    Map<String, String> byState = new java.util.LinkedHashMap<>();
    String file = f.text(node, "mockConfig", at);
    String fileCase = f.text(node, "testCase", at);
    if (file != null && fileCase == null && !node.has("testCase")) {
      f.problem(at, "mockConfig names a file without testCase, the test case of it to run");
    } else if (fileCase != null && file == null && !node.has("mockConfig")) {
      f.problem(at, "testCase needs mockConfig, the Step Functions Local file that holds it");
    } else if (file != null && fileCase != null) {
      files.testCase(file, fileCase, machineName, at, (state, response) -> {
        checkState(state, at + "/testCase", "the test case \"" + fileCase + "\" of " + file + " mocks \"" + state + "\", but ");
        byState.put(state, mocks.add(response.name(), response));
      });
    }
    JsonNode m = node.get("mocks");
    if (m != null && f.object(m, at + "/mocks", "mocks (state name to a mocked response)")) {
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        String stateAt = Fields.child(at + "/mocks", e.getKey());
        checkState(e.getKey(), stateAt, "");
        JsonNode v = e.getValue();
        if (v.isTextual()) {
          MockedResponse r = shared.get(v.asText());
          if (r == null) {
            f.problem(stateAt, "the mocked response \"" + v.asText() + "\" is not in the suite's MockedResponses"
                + (hasShared ? " (" + String.join(", ", new java.util.TreeSet<>(shared.keySet())) + ")" : ", which has none"));
          } else {
            byState.put(e.getKey(), mocks.add(v.asText(), r));
          }
        } else if (v.isObject()) {
          MockedResponse r = SuiteMocks.readOne(v, stateAt, f);
          if (r != null) {
            byState.put(e.getKey(), mocks.add((name == null ? at : name) + "/" + e.getKey(), r));
          }
        } else {
          f.problem(stateAt, "must name a mocked response of the suite's MockedResponses (a string) or be one (an object), not "
              + Fields.kind(v));
        }
      }
    }
    Expectation expect = ExpectationParser.parse(node.get("expect"), at + "/expect", f);
    if (name == null || expect == null) {
      return null;
    }
    String testCase = null;
    if (!byState.isEmpty()) {
      testCase = name;
      mocks.testCase(machineName, name, byState);
    }
    return new SuiteCase(name, at, input, testCase, expect);
  }

  /** A mock must be of a Task state of the definition (when the definition could be loaded at all). */
  private void checkState(String state, String at, String prefix) {
    if (states == null) {
      return;
    }
    State s = states.get(state);
    if (s == null) {
      f.problem(at, prefix + "the definition has no state \"" + state + "\"");
    } else if (!s.typeName().equals("Task")) {
      f.problem(at, prefix + "the state \"" + state + "\" is a " + s.typeName() + " state: only Task states can be mocked");
    }
  }

  private String defaultMachineName(JsonNode definition) {
    if (definition != null && definition.isTextual()) {
      String n = Path.of(definition.asText()).getFileName().toString();
      for (String ext : List.of(".asl.json", ".asl.yaml", ".json", ".yaml", ".yml")) {
        if (n.endsWith(ext)) {
          return n.substring(0, n.length() - ext.length());
        }
      }
      return n;
    }
    return "StateMachine";
  }

  private static String baseName(String source) {
    String n = Path.of(source).getFileName() == null ? source : Path.of(source).getFileName().toString();
    for (String ext : List.of(".yaml", ".yml", ".json")) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
