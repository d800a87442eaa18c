package io.stepwise.engine.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mock configuration in Step Functions Local's format:
 * {@code {"StateMachines": {M: {"TestCases": {C: {State: Response}}}}, "MockedResponses": {R: {"0": {"Return": V}, "1-2": {"Throw": {"Error": E, "Cause": C}}}}}}.
 * Every problem is reported at once, each at its JSON Pointer into the file: a field of the wrong
 * type or unknown, a key that is no call number or range, ranges that overlap, an entry with
 * neither or both of Return and Throw, a test case naming a response that is not there. A response
 * with no entries is accepted, as Step Functions Local accepts it (a state using it fails when called).
 */
public final class MockConfigParser {
  private static final Pattern CALLS = Pattern.compile("(0|[1-9][0-9]{0,8})(?:-(0|[1-9][0-9]{0,8}))?");

  private final List<Problem> problems = new ArrayList<>();

  private MockConfigParser() {}

  /** Parses the text of a mock configuration file. */
  public static MockConfig parse(String text) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new InvalidMockConfigException(List.of(new Problem("", "not JSON: " + Json.problem(e))));
    }
    return parse(root);
  }

  public static MockConfig parse(JsonNode root) {
    MockConfigParser p = new MockConfigParser();
    MockConfig config = p.config(root);
    if (!p.problems.isEmpty()) {
      throw new InvalidMockConfigException(p.problems);
    }
    return config;
  }

  private MockConfig config(JsonNode root) {
    if (root == null || !root.isObject()) {
      problem("", "a mock configuration is a JSON object with StateMachines and MockedResponses");
      return MockConfig.EMPTY;
    }
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      if (!f.getKey().equals("StateMachines") && !f.getKey().equals("MockedResponses")) {
        problem(child("", f.getKey()), "unknown field: a mock configuration has StateMachines and MockedResponses");
      }
    }
    Map<String, MockedResponse> responses = responses(root.get("MockedResponses"));
    Map<String, Map<String, TestCase>> machines = machines(root.get("StateMachines"), responses);
    return new MockConfig(machines, responses);
  }

  private Map<String, Map<String, TestCase>> machines(JsonNode node, Map<String, MockedResponse> responses) {
    Map<String, Map<String, TestCase>> machines = new LinkedHashMap<>();
    if (node == null || !object(node, "/StateMachines", "StateMachines")) {
      return machines;
    }
    for (Map.Entry<String, JsonNode> m : node.properties()) {
      String at = child("/StateMachines", m.getKey());
      if (!object(m.getValue(), at, "a state machine's entry")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> f : m.getValue().properties()) {
        if (!f.getKey().equals("TestCases")) {
          problem(child(at, f.getKey()), "unknown field: a state machine's entry has TestCases");
        }
      }
      JsonNode cases = m.getValue().get("TestCases");
      if (cases == null) {
        problem(at, "missing TestCases");
        continue;
      }
      if (!object(cases, at + "/TestCases", "TestCases")) {
        continue;
      }
      Map<String, TestCase> byName = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> c : cases.properties()) {
        String caseAt = child(at + "/TestCases", c.getKey());
        if (!object(c.getValue(), caseAt, "a test case")) {
          continue;
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> s : c.getValue().properties()) {
          String stateAt = child(caseAt, s.getKey());
          if (!s.getValue().isTextual()) {
            problem(stateAt, "must be the name of a mocked response (a string), not " + kind(s.getValue()));
          } else if (!responses.containsKey(s.getValue().asText())) {
            problem(stateAt, "the mocked response \"" + s.getValue().asText() + "\" is not in MockedResponses");
          } else {
            states.put(s.getKey(), s.getValue().asText());
          }
        }
        byName.put(c.getKey(), new TestCase(m.getKey(), c.getKey(), states));
      }
      machines.put(m.getKey(), byName);
    }
    return machines;
  }

  private Map<String, MockedResponse> responses(JsonNode node) {
    Map<String, MockedResponse> responses = new LinkedHashMap<>();
    if (node == null || !object(node, "/MockedResponses", "MockedResponses")) {
      return responses;
    }
    for (Map.Entry<String, JsonNode> r : node.properties()) {
      String at = child("/MockedResponses", r.getKey());
      if (object(r.getValue(), at, "a mocked response")) {
        responses.put(r.getKey(), response(r.getKey(), r.getValue(), at));
      } else {
        responses.put(r.getKey(), new MockedResponse(r.getKey(), List.of())); // named, so test cases naming it are not reported too
      }
    }
    return responses;
  }

  private MockedResponse response(String name, JsonNode node, String at) {
    List<MockedResponse.Calls> calls = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String entryAt = child(at, e.getKey());
      Matcher m = CALLS.matcher(e.getKey());
      int first = -1;
      int last = -1;
      if (!m.matches()) {
        problem(entryAt, "\"" + e.getKey() + "\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)");
      } else {
        first = Integer.parseInt(m.group(1));
        last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (last < first) {
          problem(entryAt, "the range \"" + e.getKey() + "\" ends before it begins");
        }
      }
      MockAnswer answer = answer(e.getValue(), entryAt);
      if (answer != null && first >= 0 && last >= first) {
        calls.add(new MockedResponse.Calls(first, last, answer));
      }
    }
    calls.sort(Comparator.comparingInt(MockedResponse.Calls::first));
    for (int i = 1; i < calls.size(); i++) {
      MockedResponse.Calls before = calls.get(i - 1);
      MockedResponse.Calls c = calls.get(i);
      if (c.first() <= before.last()) {
        problem(child(at, c.key()), "the calls \"" + c.key() + "\" overlap \"" + before.key() + "\": each call has one answer");
      }
    }
    return new MockedResponse(name, calls);
  }

  private MockAnswer answer(JsonNode node, String at) {
    if (!object(node, at, "a mocked call")) {
      return null;
    }
    boolean returns = node.has("Return");
    boolean fails = node.has("Throw");
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!f.getKey().equals("Return") && !f.getKey().equals("Throw")) {
        problem(child(at, f.getKey()), "unknown field: a mocked call has Return or Throw");
      }
    }
    if (returns && fails) {
      problem(at, "has both Return and Throw: a mocked call has one of them");
      return null;
    }
    if (returns) {
      return new MockAnswer.Return(node.get("Return"));
    }
    if (!fails) {
      problem(at, "missing Return or Throw");
      return null;
    }
    JsonNode t = node.get("Throw");
    String tAt = at + "/Throw";
    if (!object(t, tAt, "Throw")) {
      return null;
    }
    for (Map.Entry<String, JsonNode> f : t.properties()) {
      if (!f.getKey().equals("Error") && !f.getKey().equals("Cause")) {
        problem(child(tAt, f.getKey()), "unknown field: Throw has Error and Cause");
      }
    }
    JsonNode error = t.get("Error");
    JsonNode cause = t.get("Cause");
    boolean ok = true;
    if (error == null) {
      problem(tAt, "missing Error");
      ok = false;
    } else if (!error.isTextual()) {
      problem(tAt + "/Error", "must be a string, not " + kind(error));
      ok = false;
    }
    if (cause != null && !cause.isTextual()) {
      problem(tAt + "/Cause", "must be a string, not " + kind(cause));
      ok = false;
    }
    return ok ? new MockAnswer.Throw(error.asText(), cause == null ? null : cause.asText()) : null;
  }

  private boolean object(JsonNode node, String at, String what) {
    if (node.isObject()) {
      return true;
    }
    problem(at, what + " must be a JSON object, not " + kind(node));
    return false;
  }

  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a value of another type";
    };
  }

  private void problem(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }

  /** The JSON Pointer of a key under {@code parent} (RFC 6901: ~ and / escaped). */
  static String child(String parent, String key) {
    return io.stepwise.asl.json.JsonPointers.child(parent, key);
  }
}
