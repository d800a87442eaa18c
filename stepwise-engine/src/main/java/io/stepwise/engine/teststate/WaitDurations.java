package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.Timestamps;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.WaitState;

/**
 * A Wait's duration read as an execution reads it, only to fail as it would (a path that finds
 * no number, a JSONata value that is not one); the tester does not wait.
 */
final class WaitDurations {
  /** The longest Wait AWS accepts: 99999999 seconds. */
  private static final long MAX_WAIT_SECONDS = 99_999_999L;

  private WaitDurations() {}

  static void check(WaitState w, TestScope scope) {
    if (w.secondsPath() != null) {
      JsonNode v = w.secondsPath().read(scope);
      if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
        throw new StatesException(
            StatesErrors.RUNTIME, "The SecondsPath parameter does not reference an input value: " + w.secondsPath().text());
      }
      if (v.asLong() > MAX_WAIT_SECONDS) {
        throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
      }
    } else if (w.timestampPath() != null) {
      JsonNode v = w.timestampPath().read(scope);
      if (v == null || !v.isTextual() || Timestamps.parse(v.textValue()) == null) {
        throw new StatesException(
            StatesErrors.RUNTIME,
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                + w.timestampPath().text()
                + (v == null ? "" : " == " + (v.isTextual() ? v.textValue() : Json.write(v))));
      }
    } else if (w.secondsExpression() != null) {
      JsonNode v = w.secondsExpression().evaluate(scope);
      if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
        throw new StatesException(StatesErrors.QUERY_EVALUATION_ERROR,
            "The JSONata expression for the field 'Seconds' must return a non-negative integer, but returned: " + show(v));
      }
    } else if (w.timestampExpression() != null) {
      JsonNode v = w.timestampExpression().evaluate(scope);
      if (v == null || !v.isTextual() || Timestamps.parse(v.textValue()) == null) {
        throw new StatesException(StatesErrors.QUERY_EVALUATION_ERROR,
            "The JSONata expression for the field 'Timestamp' must return an ISO-8601 timestamp, but returned: " + show(v));
      }
    }
  }

  private static String show(JsonNode v) {
    return v == null ? "undefined" : Json.write(v);
  }
}
