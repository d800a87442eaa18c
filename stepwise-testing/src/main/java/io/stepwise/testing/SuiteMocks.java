package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import io.stepwise.engine.mock.InvalidMockConfigException;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.mock.MockedResponse;
import io.stepwise.engine.mock.TestCase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mocks of a suite's cases gathered into one mock configuration, as the engine takes it: every
 * mocked response under a name of its own (a suite's as named, an inline one as "CASE/STATE", one
 * of a Step Functions Local file as named there unless another response has that name) and a test
 * case per case. Mocked responses are read by the engine's {@link MockConfigParser}, so a suite's
 * are held to Step Functions Local's rules and their problems reported at their JSON Pointers.
 */
final class SuiteMocks {
  private static final String WRAPPER = "/MockedResponses";
  private final Map<String, MockedResponse> responses = new LinkedHashMap<>();
  private final Map<String, TestCase> testCases = new LinkedHashMap<>();

  /**
   * The mocked responses of a {@code MockedResponses} object at {@code at} in the suite, by name,
   * each checked by itself so that one malformed response leaves the others usable; a malformed one
   * is kept with no calls, so that cases naming it are not reported too.
   */
  static Map<String, MockedResponse> read(JsonNode node, String at, Fields f) {
    Map<String, MockedResponse> out = new LinkedHashMap<>();
    if (!f.object(node, at, "MockedResponses (name to mocked response)")) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      MockedResponse r = readOne(e.getValue(), Fields.child(at, e.getKey()), f);
      out.put(e.getKey(), r == null ? new MockedResponse(e.getKey(), java.util.List.of()) : r);
    }
    return out;
  }

  /** One mocked response written inline at {@code at}, or null when malformed (its problems reported). */
  static MockedResponse readOne(JsonNode node, String at, Fields f) {
    ObjectNode one = Json.NODES.objectNode();
    one.set("r", node);
    ObjectNode wrapper = Json.NODES.objectNode();
    wrapper.set("MockedResponses", one);
    try {
      return MockConfigParser.parse(wrapper).responses().get("r");
    } catch (InvalidMockConfigException e) {
      String prefix = WRAPPER + "/r";
      for (Problem p : e.problems()) {
        String rest = p.pointer().startsWith(prefix) ? p.pointer().substring(prefix.length()) : p.pointer();
        f.problem(at + rest, p.message());
      }
      return null;
    }
  }

  /** Adds a response under {@code name}, or under a name of its own when another response has taken it; returns the name used. */
  String add(String name, MockedResponse response) {
    String use = name;
    for (int n = 2; responses.containsKey(use) && !sameCalls(responses.get(use), response); n++) {
      use = name + " (" + n + ")";
    }
    responses.put(use, new MockedResponse(use, response.calls()));
    return use;
  }

  private static boolean sameCalls(MockedResponse a, MockedResponse b) {
    return a.calls().equals(b.calls());
  }

  void testCase(String machine, String name, Map<String, String> states) {
    testCases.put(name, new TestCase(machine, name, states));
  }

  MockConfig build(String machine, String source) {
    Map<String, Map<String, TestCase>> machines = testCases.isEmpty() ? Map.of() : Map.of(machine, testCases);
    return new MockConfig(machines, responses, source);
  }
}
