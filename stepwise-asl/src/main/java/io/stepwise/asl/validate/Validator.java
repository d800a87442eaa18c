package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks a state machine definition against the Amazon States Language as AWS Step Functions
 * accepts it, in both query languages, and lists every problem at once, each with the JSON
 * Pointer of where it is. An empty list means the definition is valid.
 */
public final class Validator {
  private Validator() {}

  /** Validates definition text: malformed JSON gives one problem naming line and column. */
  public static List<Problem> validate(String definitionText) {
    Report report = new Report();
    JsonNode root = DefinitionReader.read(definitionText, report);
    if (root != null) {
      ScopeChecker.machine(new Site(root, "", report));
    }
    return report.problems();
  }

  /** Validates an already parsed definition (duplicate keys can no longer be seen). */
  public static List<Problem> validate(JsonNode definition) {
    Report report = new Report();
    ScopeChecker.machine(new Site(definition, "", report));
    return report.problems();
  }
}
