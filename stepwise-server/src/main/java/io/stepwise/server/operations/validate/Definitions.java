package io.stepwise.server.operations.validate;

import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.protocol.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition judged as CreateStateMachine, UpdateStateMachine and ValidateStateMachineDefinition
 * judge it: the language's validator finds the problems, each is given AWS's diagnostic code, and
 * what an Express state machine may not do is added. Errors refuse the definition; warnings do
 * not.
 */
public final class Definitions {
  private Definitions() {}

  /** Every error, in the validator's order, then Express's. */
  public static List<Diagnostic> errors(String definition, StateMachineType type) {
    List<Problem> problems = Validator.validate(definition);
    List<Diagnostic> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(DiagnosticCodes.error(p));
    }
    if (problems.isEmpty() && type == StateMachineType.EXPRESS) {
      out.addAll(ExpressRules.check(definition));
    }
    return out;
  }

  /** AWS's warnings; only a definition without errors has any. */
  public static List<Diagnostic> warnings(String definition) {
    return DefinitionWarnings.check(definition);
  }

  /** InvalidDefinition when the definition has errors, in AWS's words. */
  public static void requireValid(String definition, StateMachineType type) {
    List<Diagnostic> errors = errors(definition, type);
    if (!errors.isEmpty()) {
      throw ApiException.client("InvalidDefinition", "Invalid State Machine Definition: '"
          + errors.stream().map(Diagnostic::inMessage).collect(Collectors.joining(", ")) + "'");
    }
  }
}
