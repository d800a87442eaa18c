package io.stepwise.asl.validate;

/** One thing wrong with a definition: where (a JSON Pointer into the definition) and what. */
public record Problem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
