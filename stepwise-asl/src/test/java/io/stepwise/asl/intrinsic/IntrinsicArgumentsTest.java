package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.evalJson;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import org.junit.jupiter.api.Test;

/** Literal, path and nested-call arguments. */
class IntrinsicArgumentsTest {
  @Test
  void literalsOfEveryKind() {
    assertThat(evalJson("States.Array('it\\'s', -1.5, 0, true, false, null, '  spaced  ')"))
        .isEqualTo("[\"it's\",-1.5,0,true,false,null,\"  spaced  \"]");
    assertThat(evalJson("States.Array( 1 ,2 )")).isEqualTo("[1,2]");
  }

  @Test
  void pathArgumentsMayBeIndefiniteOrHoldBrackets() {
    // Jayway: a string equals a number whose text it is
    assertThat(evalJson("States.Array($.list[0:2], $['obj']['Arg1'], $.list[?(@ == 2)])")).isEqualTo("[[1,2],1,[2,2,\"2\"]]");
    assertThat(evalJson("States.ArrayLength($.list[?(@.a == 1 || @ == 'x')])")).isEqualTo("1");
  }

  @Test
  void aPathArgumentThatFindsNothingIsARuntimeError() {
    assertThatThrownBy(() -> IntrinsicCall.compile("States.Format('{}', $.missing)").evaluate(Scope.of(parse("{\"a\":1}"), null), "greeting.$"))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesErrors.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo("The JSONPath '$.missing' specified for the field 'greeting.$' could not be found in the input '{\"a\":1}'");
            });
  }
}
