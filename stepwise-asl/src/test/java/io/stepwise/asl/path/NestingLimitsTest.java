package io.stepwise.asl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.intrinsic.IntrinsicCall;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

/** Runaway nesting is a syntax error with a readable message, never a StackOverflowError. */
class NestingLimitsTest {
  @Test
  void filterParenthesesAndNegationsNestAHundredDeep() throws Exception {
    String fine = "$.a[?(" + "(".repeat(99) + "@.x > 1" + ")".repeat(99) + ")]";
    assertThat(JsonPath.compile(fine).read(Scope.of(Json.parse("{\"a\":[{\"x\":2},{\"x\":0}]}"), null)))
        .isEqualTo(Json.parse("[{\"x\":2}]"));
    String deep = "$.a[?(" + "(".repeat(3000) + "@.x > 1" + ")".repeat(3000) + ")]";
    assertThatThrownBy(() -> JsonPath.compile(deep))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("nested more than 100 deep")
        .hasMessageContaining("(6015 characters)");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?(" + "!".repeat(5000) + "@.x)]"))
        .hasMessageContaining("nested more than 100 deep");
  }

  @Test
  void filtersInsideFiltersCountToo() {
    StringBuilder p = new StringBuilder("@.x");
    for (int i = 0; i < 200; i++) {
      p = new StringBuilder("@.a[?(" + p + ")]");
    }
    String path = "$[?(" + p + ")]";
    assertThatThrownBy(() -> JsonPath.compile(path)).hasMessageContaining("nested more than 100 deep");
  }

  @Test
  void intrinsicCallsNestAHundredDeep() {
    String fine = "States.Format('x')";
    for (int i = 0; i < 99; i++) {
      fine = "States.Array(" + fine + ")";
    }
    assertThat(IntrinsicCall.compile(fine)).isNotNull();
    String deep = "States.Array(" + fine + ")";
    assertThatThrownBy(() -> IntrinsicCall.compile(deep)).hasMessageContaining("calls are nested more than 100 deep");
  }
}
