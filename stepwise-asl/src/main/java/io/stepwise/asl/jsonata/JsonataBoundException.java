package io.stepwise.asl.jsonata;

/**
 * An evaluation passed one of its {@link JsonataLimits}. The message is AWS's, which carries no
 * JSONata error code.
 */
final class JsonataBoundException extends RuntimeException {
  static final String TIMEOUT = "Expression evaluation timeout: Check for infinite loop";
  static final String STACK_OVERFLOW =
      "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as"
          + " tail-recursive.";
  static final String MEMORY = "Expression evaluation memory limit exceeded: Check for excessive memory usage";

  JsonataBoundException(String message) {
    super(message, null, false, false);
  }

  static JsonataBoundException timeout() {
    return new JsonataBoundException(TIMEOUT);
  }

  static JsonataBoundException stackOverflow() {
    return new JsonataBoundException(STACK_OVERFLOW);
  }

  static JsonataBoundException memory() {
    return new JsonataBoundException(MEMORY);
  }
}
