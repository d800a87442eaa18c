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

  /** The longest definition AWS accepts, in characters (CreateStateMachine's Definition). */
  public static final int MAX_DEFINITION_CHARS = 1_048_576;

  /** Validates definition text: malformed JSON gives one problem naming line and column. */
  public static List<Problem> validate(String definitionText) {
    Report report = new Report();
    if (definitionText != null && definitionText.length() > MAX_DEFINITION_CHARS) {
      report.add("", "the definition is " + definitionText.length() + " characters long; AWS accepts at most "
          + MAX_DEFINITION_CHARS);
    }
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

  /**
   * What is legal but likely wrong: variables read where no visible state assigns them, and names
   * a branch or iteration assigns that its enclosing scope assigns too. AWS accepts these, so they
   * are warnings, never problems. Malformed text has none (see {@link #validate(String)}).
   */
  public static List<Problem> warnings(String definitionText) {
    JsonNode root = DefinitionReader.read(definitionText, new Report());
    return root == null ? List.of() : VariableLint.check(root);
  }

  /** {@link #warnings(String)} for an already parsed definition. */
  public static List<Problem> warnings(JsonNode definition) {
    return VariableLint.check(definition);
  }
}
