package io.stepwise.junit5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.mock.InvalidMockConfigException;
import io.stepwise.engine.mock.MockAnswer;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.mock.MockedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a mocked Task state answers: a result ({@link #returns}), a failure ({@link #fails}), one
 * answer per call ({@link #sequence}), or a mocked response in Step Functions Local's format
 * ({@link #of}). A result is what the service would give the state, before its ResultSelector (for
 * {@code lambda:invoke}, Lambda's response with its {@code Payload}). A failure is the task's error
 * and cause, which Retry and Catch take as they take a real one.
 */
public final class Mock {
  private final List<MockedResponse.Calls> calls;

  private Mock(List<MockedResponse.Calls> calls) {
    this.calls = List.copyOf(calls);
  }

  /** Every call returns this JSON value. */
  public static Mock returns(String json) {
    return returns(parse(json, "Mock.returns"));
  }

  /** Every call returns this value. */
  public static Mock returns(JsonNode value) {
    return every(new MockAnswer.Return(Objects.requireNonNull(value, "value")));
  }

  /** Every call fails with this error and cause. */
  public static Mock fails(String error, String cause) {
    return every(new MockAnswer.Throw(Objects.requireNonNull(error, "error"), cause));
  }

  /** Every call fails with this error, without a cause. */
  public static Mock fails(String error) {
    return fails(error, null);
  }

  /**
   * One answer per call: the first call (a retry is a call) gets the first answer, and so on; a
   * call past the last fails the execution with States.Runtime, as Step Functions Local does. Each
   * answer is a {@link #returns} or a {@link #fails}.
   */
  public static Mock sequence(Mock... answers) {
    List<MockedResponse.Calls> calls = new ArrayList<>();
    for (Mock m : answers) {
      if (m.calls.size() != 1 || m.calls.get(0).first() != 0 || m.calls.get(0).last() != Integer.MAX_VALUE) {
        throw new IllegalArgumentException("Mock.sequence takes single answers (Mock.returns, Mock.fails), one per call");
      }
      int n = calls.size();
      calls.add(new MockedResponse.Calls(n, n, m.calls.get(0).answer()));
    }
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("Mock.sequence needs at least one answer");
    }
    return new Mock(calls);
  }

  /**
   * A mocked response in Step Functions Local's format, call numbers or ranges to answers:
   * {@code {"0": {"Throw": {"Error": "E", "Cause": "C"}}, "1-2": {"Return": {...}}}}.
   */
  public static Mock of(String stepFunctionsLocalResponse) {
    JsonNode node = parse(stepFunctionsLocalResponse, "Mock.of");
    var wrapper = Json.NODES.objectNode();
    wrapper.putObject("MockedResponses").set("mock", node);
    try {
      return new Mock(MockConfigParser.parse(wrapper).responses().get("mock").calls());
    } catch (InvalidMockConfigException e) {
      throw new IllegalArgumentException("Mock.of: not a mocked response of Step Functions Local's format: "
          + e.getMessage().replace("/MockedResponses/mock", ""), e);
    }
  }

  /** A mocked response already read (one of a Step Functions Local file). */
  static Mock of(MockedResponse response) {
    return new Mock(response.calls());
  }

  /** The mocked response this mock is, under a name (the engine's form). */
  MockedResponse response(String name) {
    return new MockedResponse(name, calls);
  }

  private static Mock every(MockAnswer answer) {
    return new Mock(List.of(new MockedResponse.Calls(0, Integer.MAX_VALUE, answer)));
  }

  private static JsonNode parse(String json, String where) {
    try {
      return Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + Json.problem(e), e);
    }
  }
}
