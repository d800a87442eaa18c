package io.stepwise.server.console;

/** A console data request's parameter that cannot be read: answered 400, naming it. */
final class BadParameterException extends RuntimeException {
  private final String parameter;

  BadParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
