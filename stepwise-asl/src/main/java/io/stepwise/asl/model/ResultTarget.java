package io.stepwise.asl.model;

import io.stepwise.asl.path.ReferencePath;

/**
 * A ResultPath present in the definition. Absent means {@code $} (the result replaces the input)
 * and is modelled as a null target; a JSON null discards the result and keeps the input.
 *
 * @param path the compiled reference path, or null for a JSON null field
 */
public record ResultTarget(ReferencePath path) {
  public boolean discards() {
    return path == null;
  }
}
