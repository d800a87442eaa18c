package io.stepwise.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: definitions with one state, and exact problem lists ("pointer: message"). */
final class Expect {
  private Expect() {}

  /** A machine whose only state, "S", is {@code stateJson}. */
  static String oneState(String stateJson) {
    return "{\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
  }

  /** The same, in a JSONata machine. */
  static String oneJsonataState(String stateJson) {
    return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
  }

  static List<String> problems(String definition) {
    return Validator.validate(definition).stream().map(Problem::toString).toList();
  }

  static void problems(String definition, String... expected) {
    assertThat(problems(definition)).containsExactlyInAnyOrder(expected);
  }

  static void valid(String definition) {
    assertThat(problems(definition)).isEmpty();
  }
}
