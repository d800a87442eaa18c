package io.stepwise.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What one mocked call answers: a result ({@code Return}) or a failure ({@code Throw}). */
public sealed interface MockAnswer {
  /** The task's result, as the service would have returned it: any JSON value. */
  record Return(JsonNode value) implements MockAnswer {
    public Return {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The task fails with this error and cause (the cause may be null), and Retry and Catch apply as for a real failure. */
  record Throw(String error, String cause) implements MockAnswer {
    public Throw {
      Objects.requireNonNull(error, "error");
    }
  }
}
