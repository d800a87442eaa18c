package io.stepwise.store.codec;

/** Stored JSON that does not decode: names the field and what was expected. */
public final class CodecException extends IllegalArgumentException {
  public CodecException(String message) {
    super(message);
  }
}
