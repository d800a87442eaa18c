package io.stepwise.server.protocol;

/** An integer member's range as the API model states it; null bounds are open. */
public record IntShape(Integer min, Integer max) {
  public static IntShape range(Integer min, Integer max) {
    return new IntShape(min, max);
  }
}
