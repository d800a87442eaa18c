package io.stepwise.asl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {
  private static JsonNode json(String s) throws Exception {
    return Json.parse(s);
  }

  @Test
  void expressionsAnywhereInsideObjectsAndArraysLiteralsAsTheyAre() throws Exception {
    JsonataTemplate t = JsonataTemplate.compile(
        json("{\"a\":\"{% $states.input.x * 2 %}\",\"b\":[1,\"{% $states.input.y %}\"],\"c\":\"plain {text}\"}"), "Output");
    assertThat(t.evaluate(Scope.of(json("{\"x\":2,\"y\":\"z\"}"), json("{}"))))
        .isEqualTo(json("{\"a\":4,\"b\":[1,\"z\"],\"c\":\"plain {text}\"}"));
  }

  @Test
  void theDelimitersNeedNoBlanksInside() throws Exception {
    JsonataTemplate t = JsonataTemplate.compile(json("{\"a\":\"{%$states.input.x%}\",\"b\":\"{%  1 + 1%}\",\"c\":\"{%\"}"), "Output");
    assertThat(t.evaluate(Scope.of(json("{\"x\":[1]}"), json("{}")))).isEqualTo(json("{\"a\":[1],\"b\":2,\"c\":\"{%\"}"));
  }

  @Test
  void anExpressionReturningNothingInsideAnObjectNamesItsPlace() throws Exception {
    JsonataTemplate t = JsonataTemplate.compile(json("{\"result\":\"{% $doesNotExist %}\"}"), "Output");
    assertThatThrownBy(() -> t.evaluate(Scope.of(json("{}"), json("{}"))))
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("for the field 'Output/result' returned nothing (undefined)")
        .satisfies(e -> assertThat(((StatesException) e).location()).isEqualTo("Output/result"));
  }
}
