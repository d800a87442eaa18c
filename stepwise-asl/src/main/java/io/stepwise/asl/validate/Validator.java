package io.stepwise.asl.validate;

import java.util.List;

/** STUB: replaced by the implementation. */
public final class Validator {
  public static List<Problem> validate(String definitionText) {
    throw new UnsupportedOperationException("TODO");
  }
}
