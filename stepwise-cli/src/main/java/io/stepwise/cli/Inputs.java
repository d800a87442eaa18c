package io.stepwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line values that are either literal text or {@code @FILE}. */
final class Inputs {
  private Inputs() {}

  static String textOrFile(String value) throws IOException {
    if (value == null) {
      return null;
    }
    if (value.startsWith("@")) {
      return Files.readString(Path.of(value.substring(1)));
    }
    return value;
  }
}
