package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertFails;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.eval;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.evalJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.error.StatesException;
import org.junit.jupiter.api.Test;

/** States.StringToJson, JsonToString and JsonMerge. */
class JsonFunctionsTest {
  @Test
  void stringToJsonParsesAndBlankIsNull() {
    assertThat(evalJson("States.StringToJson($.json)")).isEqualTo("{\"foo\":\"bar\"}");
    assertThat(evalJson("States.StringToJson('')")).isEqualTo("null");
    assertThat(evalJson("States.StringToJson(' ')")).isEqualTo("null");
    assertThat(evalJson("States.StringToJson('-0')")).isEqualTo("0");
    assertThat(evalJson("States.StringToJson('{\"a\": [1.10, true]}')")).isEqualTo("{\"a\":[1.10,true]}");
  }

  @Test
  void stringToJsonRejectsBadJson() {
    assertThatThrownBy(() -> eval("States.StringToJson('{nope')"))
        .isInstanceOf(StatesException.class)
        .hasMessageStartingWith("States.IntrinsicFailure: Invalid arguments in States.StringToJson: the argument is not valid JSON");
    assertFails("States.StringToJson($.n)", "Invalid arguments in States.StringToJson: the argument at position 1 must be a string, but was a number");
  }

  @Test
  void jsonToStringWritesCompactJson() {
    assertThat(eval("States.JsonToString($.obj)").textValue()).isEqualTo("{\"Arg1\":1,\"Arg2\":[],\"s\":\"x\",\"z\":null}");
    assertThat(eval("States.JsonToString($.name)").textValue()).isEqualTo("\"Arnav\"");
    assertThat(eval("States.JsonToString($.pi)").textValue()).isEqualTo("1.1");
  }

  @Test
  void jsonMergeIsShallowInHashMapOrder() {
    // corpus case test_json_merge: AWS returned a, b, c, d
    String input = "States.JsonMerge(States.StringToJson('{\"a\": {\"a1\": 1}, \"b\": 2, \"d\": 3}'), "
        + "States.StringToJson('{\"a\": {\"a3\": 1}, \"c\": 3, \"d\": 4}'), false)";
    assertThat(evalJson(input)).isEqualTo("{\"a\":{\"a3\":1},\"b\":2,\"c\":3,\"d\":4}");
    // corpus case test_json_merge_escaped_argument: the second object's field came first
    assertThat(evalJson("States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), "
            + "States.StringToJson('{\"constant_input_field\": \"constant_value\"}'), false)"))
        .isEqualTo("{\"constant_input_field\":\"constant_value\",\"constant_in_literal\":\"false\"}");
  }

  @Test
  void jsonMergeNeedsTwoObjectsAndShallowMode() {
    assertFails("States.JsonMerge($.obj, $.obj, true)", "Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false");
    assertFails("States.JsonMerge($.obj, $.list, false)", "Invalid arguments in States.JsonMerge: the argument at position 2 must be a JSON object, but was an array");
    assertFails("States.JsonMerge($.obj, $.obj, 'false')", "Invalid arguments in States.JsonMerge: the argument at position 3 must be a boolean, but was a string");
  }
}
