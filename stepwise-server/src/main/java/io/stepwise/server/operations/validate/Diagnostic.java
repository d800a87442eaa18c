package io.stepwise.server.operations.validate;

/**
 * One finding about a definition as ValidateStateMachineDefinition reports it: ERROR or WARNING,
 * AWS's code (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, ...), the message, and the
 * location as a JSON Pointer ("/" for the root), or null when there is none (malformed JSON).
 */
public record Diagnostic(Severity severity, String code, String message, String location) {
  public enum Severity { ERROR, WARNING }

  /** The diagnostic as AWS folds it into InvalidDefinition's message: {@code CODE: message at /path}. */
  public String inMessage() {
    return code + ": " + message + (location == null ? "" : " at " + location);
  }
}
