package io.stepwise.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.expr.ExpressionSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the intrinsic parser accepts and how it reports what it rejects. */
class IntrinsicSyntaxTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "States.Nope()                  | unknown intrinsic function 'States.Nope' at position 11",
        "States.Format                  | expected '(' but the call ended at position 13",
        "States.Array(1,                | the call ended early at position 15",
        "States.Array(1 2)              | expected ',' at position 15",
        "States.Array('abc)             | unterminated string literal at position 18",
        "States.Array('a\\nb')          | a backslash must escape one of ' { } \\ at position 15",
        "States.ArrayLength()           | States.ArrayLength takes 1 argument but was given 0 at position 20",
        "States.ArrayRange(1, 2)        | States.ArrayRange takes 3 arguments but was given 2 at position 23",
        "States.MathRandom(1)           | States.MathRandom takes 2 to 3 arguments but was given 1 at position 20",
        "States.Format()                | States.Format takes at least 1 argument but was given 0 at position 15",
        "States.UUID(1)                 | States.UUID takes 0 arguments but was given 1 at position 14",
        "States.Array(1) x              | unexpected text after the call at position 16",
        "States.Array(abc)              | unexpected 'a' at position 13",
        "States.Array(1.2.3)            | invalid number '1.2.3' at position 13",
        "Format('x')                    | expected 'States.' at position 0"
      })
  void malformedCallsAreRejectedWhenCompiled(String call, String problem) {
    assertThatThrownBy(() -> IntrinsicCall.compile(call.trim()))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("Invalid intrinsic function call '" + call.trim() + "': " + problem.trim());
  }

  @Test
  void aBadPathArgumentIsReportedWithTheCall() {
    assertThatThrownBy(() -> IntrinsicCall.compile("States.Array($.a b)"))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageStartingWith("Invalid intrinsic function call 'States.Array($.a b)': ");
    assertThatThrownBy(() -> IntrinsicCall.compile("States.Array($.)"))
        .hasMessage("Invalid intrinsic function call 'States.Array($.)': Invalid JSONPath '$.': a path must not end with '.' at position 2");
  }

  @Test
  void keepsItsText() {
    assertThat(IntrinsicCall.compile("States.UUID()").text()).isEqualTo("States.UUID()");
    assertThat(IntrinsicCall.looksLikeCall("States.UUID()")).isTrue();
    assertThat(IntrinsicCall.looksLikeCall("$.a")).isFalse();
  }
}
