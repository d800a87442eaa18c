package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertFails;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.evalJson;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** States.MathAdd and MathRandom. */
class MathFunctionsTest {
  @Test
  void addRoundsToIntegers() {
    assertThat(evalJson("States.MathAdd(1, -3)")).isEqualTo("-2");
    assertThat(evalJson("States.MathAdd($.n, 1.5)")).isEqualTo("5");
    assertThat(evalJson("States.MathAdd(2147483647, 1)")).isEqualTo("2147483648");
    assertFails("States.MathAdd(2147483648, 1)", "Invalid arguments in States.MathAdd: the argument at position 1 must be between -2147483648 and 2147483647");
    assertFails("States.MathAdd('1', 1)", "Invalid arguments in States.MathAdd: the argument at position 1 must be a number, but was a string");
  }

  @Test
  void randomStaysInRangeAndFollowsTheScopesGenerator() {
    IntrinsicCall call = IntrinsicCall.compile("States.MathRandom(12.5, 44.51)");
    for (int seed = 0; seed < 200; seed++) {
      int v = call.evaluate(scope(seed), "f.$").intValue();
      assertThat(v).isBetween(13, 44);
      assertThat(call.evaluate(scope(seed), "f.$").intValue()).isEqualTo(v);
    }
  }

  @Test
  void aSeedMakesRandomAFunctionOfItsArguments() {
    IntrinsicCall call = IntrinsicCall.compile("States.MathRandom(0, 999, 3)");
    int first = call.evaluate(scope(1), "f.$").intValue();
    assertThat(call.evaluate(scope(2), "f.$").intValue()).isEqualTo(first);
    assertThat(first).isEqualTo(new java.util.Random(3).nextInt(999));
    assertFails("States.MathRandom(5, 5)", "Invalid arguments in States.MathRandom: the start 5 must be less than the end 5");
  }
}
