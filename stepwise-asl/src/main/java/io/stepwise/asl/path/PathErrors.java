package io.stepwise.asl.path;

import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;

/** The failures AWS reports when a path in a payload field selects nothing. */
public final class PathErrors {
  private PathErrors() {}

  /**
   * States.Runtime for a definite path that found nothing, naming the field as written ({@code
   * value.$}, {@code ErrorPath}). AWS prints the state's input here even for {@code $$} and
   * variable paths, as far as the corpus shows (it hides the JSON behind a placeholder).
   */
  public static StatesException notFound(JsonPath path, String field, Scope scope) {
    return RuntimeCauses.pathNotFound(path.text(), field, scope.input());
  }
}
