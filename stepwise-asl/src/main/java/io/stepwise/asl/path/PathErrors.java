package io.stepwise.asl.path;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;

/** The failures AWS reports when a path in a payload field selects nothing. */
public final class PathErrors {
  private PathErrors() {}

  /**
   * States.Runtime for a definite path that found nothing, naming the field as written ({@code
   * value.$}, {@code ErrorPath}). AWS prints the state's input here even for {@code $$} and
   * variable paths, as far as the corpus shows (it hides the JSON behind a placeholder).
   */
  public static StatesException notFound(JsonPath path, String field, Scope scope) {
    return new StatesException(
        StatesErrors.RUNTIME,
        "The JSONPath '"
            + path.text()
            + "' specified for the field '"
            + field
            + "' could not be found in the input '"
            + Json.write(scope.input())
            + "'");
  }
}
