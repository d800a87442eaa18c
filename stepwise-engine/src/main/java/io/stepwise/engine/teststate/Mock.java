package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;

/** What a test puts in place of a Task's call, or of a Parallel's or Map's work. */
public sealed interface Mock {
  /** The work returned this result. */
  record Result(JsonNode value) implements Mock {}

  /** The work failed with this error and cause (cause may be null). */
  record Failure(String error, String cause) implements Mock {}
}
