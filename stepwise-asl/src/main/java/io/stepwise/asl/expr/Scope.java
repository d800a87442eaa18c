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
  default java.util.random.RandomGenerator random() {
    return java.util.concurrent.ThreadLocalRandom.current();
  }

  /**
   * What JSONata's {@code $now()} and {@code $millis()} read. The engine passes one that answers
   * recorded times, so that a replayed execution computes the same values.
   */
  default java.time.InstantSource clock() {
    return java.time.InstantSource.system();
  }

  /** A fixed scope, for tests and simple callers. */
  static Scope of(JsonNode input, JsonNode context) {
    return new Fixed(input, context, java.util.Map.of(), null);
  }

  /** A fixed scope with variables and a source of randomness of the caller's choice. */
  static Scope of(
      JsonNode input, JsonNode context, java.util.Map<String, JsonNode> variables, java.util.random.RandomGenerator random) {
    return new Fixed(input, context, variables, random);
  }

  /** The scope {@link #of} returns. */
  record Fixed(
      JsonNode input, JsonNode context, java.util.Map<String, JsonNode> variables, java.util.random.RandomGenerator random)
      implements Scope {
    @Override
    public JsonNode variable(String name) {
      return variables.get(name);
    }

    @Override
    public java.util.random.RandomGenerator random() {
      return random != null ? random : java.util.concurrent.ThreadLocalRandom.current();
    }
  }
}
