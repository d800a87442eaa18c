package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** What an expression can see when it is evaluated: the state's input, the context object ($$), variables. */
public interface Scope {
  /** The effective input the expression reads with {@code $}. */
  JsonNode input();

  /** The context object, read with {@code $$}. */
  JsonNode context();

  /** In JSONata mode, {@code $states.result}: the state's result, or Java null before there is one. */
  default JsonNode result() {
    return null;
  }

  /** In JSONata mode, {@code $states.errorOutput} inside a Catch, else Java null. */
  default JsonNode errorOutput() {
    return null;
  }

  /** A workflow variable's value, or Java null when it is not defined. */
  default JsonNode variable(String name) {
    return null;
  }

  /**
   * Randomness for States.UUID, States.MathRandom and the like. The engine passes one seeded per
   * execution so that a replayed execution draws the same values.
   */
  java.util.random.RandomGenerator random();

  /**
   * What JSONata's {@code $now()} and {@code $millis()} read. The engine passes one that answers
   * recorded times, so that a replayed execution computes the same values.
   */
  java.time.InstantSource clock();

  /**
   * The clock of a scope made without one ({@link #of(JsonNode, JsonNode)}): a fixed instant, so
   * that what is evaluated outside an execution is reproducible; the engine passes its own.
   */
  java.time.InstantSource FIXED_CLOCK = java.time.InstantSource.fixed(java.time.Instant.parse("2000-01-01T00:00:00Z"));

  /** A fixed scope, for tests and simple callers: randomness from seed 0, the {@link #FIXED_CLOCK}. */
  static Scope of(JsonNode input, JsonNode context) {
    return new Fixed(input, context, java.util.Map.of(), new java.util.SplittableRandom(0), FIXED_CLOCK);
  }

  /** A fixed scope with variables and randomness of the caller's choice, on the {@link #FIXED_CLOCK}. */
  static Scope of(
      JsonNode input, JsonNode context, java.util.Map<String, JsonNode> variables, java.util.random.RandomGenerator random) {
    return new Fixed(input, context, variables, random, FIXED_CLOCK);
  }

  /** A fixed scope with everything of the caller's choice. */
  static Scope of(JsonNode input, JsonNode context, java.util.Map<String, JsonNode> variables,
      java.util.random.RandomGenerator random, java.time.InstantSource clock) {
    return new Fixed(input, context, variables, random, clock);
  }

  /** The scope {@link #of} returns. */
  record Fixed(JsonNode input, JsonNode context, java.util.Map<String, JsonNode> variables,
      java.util.random.RandomGenerator random, java.time.InstantSource clock) implements Scope {
    public Fixed {
      java.util.Objects.requireNonNull(random, "random");
      java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JsonNode variable(String name) {
      return variables.get(name);
    }
  }
}
