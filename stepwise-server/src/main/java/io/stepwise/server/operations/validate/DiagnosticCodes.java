package io.stepwise.server.operations.validate;

import io.stepwise.asl.validate.Problem;

/**
 * Gives a problem the validator found the code AWS reports it with (the codes the API model lists
 * for ValidateStateMachineDefinitionDiagnostic). The validator states problems in words, so the
 * code is read from where the problem is and what it says; ValidateDefinitionTest holds each
 * code to a definition that has it, so a change of wording in the validator shows there.
 * Anything not recognised is SCHEMA_VALIDATION_FAILED, AWS's code for most problems.
 */
final class DiagnosticCodes {
  private DiagnosticCodes() {}

  static Diagnostic error(Problem p) {
    String m = p.message();
    String at = p.pointer();
    String code;
    if (m.startsWith("invalid JSON")) {
      return new Diagnostic(Diagnostic.Severity.ERROR, "INVALID_JSON_DESCRIPTION", m, null);
    } else if (m.equals("the definition is empty")) {
      code = "MISSING_DESCRIPTION";
    } else if (m.contains(" names no state: ") || m.equals("state is unreachable from StartAt")) {
      code = "MISSING_TRANSITION_TARGET";
    } else if (m.startsWith("no terminal state")) {
      code = "MISSING_END_STATE";
    } else if (m.startsWith("state name ") && m.contains(" is already used at ")) {
      code = "DUPLICATE_STATE_NAME";
    } else if (m.startsWith("state name is longer than")) {
      code = "INVALID_STATE_NAME";
    } else if (at.endsWith("/Label") && m.startsWith("is already used at")) {
      code = "DUPLICATE_LABEL_NAME";
    } else if (at.endsWith("/Label") && !m.equals("must be a string")) {
      code = "INVALID_LABEL_NAME";
    } else if (at.endsWith("/Resource") && !m.equals("must be a string") && !m.endsWith("is required")) {
      code = "INVALID_RESOURCE";
    } else {
      code = "SCHEMA_VALIDATION_FAILED";
    }
    return new Diagnostic(Diagnostic.Severity.ERROR, code, m, at.isEmpty() ? "/" : at);
  }
}
