package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.eval;
import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static io.stepwise.asl.jsonata.JsonataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values in and out of the library: numbers, key order, null against nothing, sharing. */
class JsonataValuesTest {
  private static final String INPUT =
      "{\"int\":5,\"long\":12345678901234,\"big\":123456789012345678901234567890,\"dec\":1.10,"
          + "\"whole\":5.0,\"neg\":-0.5,\"str\":\"a\\\"b\",\"t\":true,\"f\":false,\"nil\":null,"
          + "\"arr\":[1,null,\"x\",[2],{\"k\":null}],\"obj\":{\"z\":1,\"a\":2,\"m\":3}}";

  @Test
  void theInputComesBackUnchanged() {
    JsonNode input = json(INPUT);
    JsonNode out = eval("$states.input", input);
    assertThat(Json.write(out)).isEqualTo(Json.write(input));
    assertThat(out).isSameAs(input); // not copied: an unchanged input is returned as it is
    assertThat(eval("$", input)).isSameAs(input);
  }

  @Test
  void membersConvertOneByOne() {
    assertThat(text("$states.input.obj", INPUT)).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    assertThat(text("$keys($states.input.obj)", INPUT)).isEqualTo("[\"z\",\"a\",\"m\"]");
    assertThat(text("$states.input.arr", INPUT)).isEqualTo("[1,null,\"x\",[2],{\"k\":null}]");
    assertThat(text("$states.input.arr[3]", INPUT)).isEqualTo("[2]");
    assertThat(text("$states.input.str", INPUT)).isEqualTo("\"a\\\"b\"");
    assertThat(text("[$states.input.t, $states.input.f]", INPUT)).isEqualTo("[true,false]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$sum([1,2])                      | 3",
        "1/2                              | 0.5",
        "10/2                             | 5",
        "2*3                              | 6",
        "1.5e3                            | 1500",
        "$states.input.int + 1            | 6",
        "$states.input.long               | 12345678901234",
        "$states.input.long + 1           | 12345678901235",
        "$states.input.dec                | 1.1",
        "$states.input.dec * 2            | 2.2",
        "$states.input.whole              | 5",
        "$states.input.neg                | -0.5",
        "$states.input.big                | 1.2345678901234568E+29",
        "0.1 + 0.2                        | 0.30000000000000004",
        "$power(2, 62)                    | 4611686018427387904",
        "$power(2, 70)                    | 1.1805916207174113E+21",
        "1e-7                             | 1E-7",
        "-0                               | 0",
        "$round(2.5)                      | 2",
        "$average([1, 2])                 | 1.5",
        "$number('42')                    | 42",
      })
  void numbersAreIntegersWhenWholeAndDecimalsOtherwise(String expression, String expected) {
    assertThat(text(expression.strip(), INPUT)).isEqualTo(expected.strip());
  }

  @Test
  void integralResultsAreIntegralNodes() {
    assertThat(eval("$sum([1,2])", "{}").isIntegralNumber()).isTrue();
    assertThat(eval("$sum([1,2])", "{}")).isEqualTo(json("3"));
    assertThat(eval("1/2", "{}")).isEqualTo(json("0.5")); // equal to what the JSON text parses to
    assertThat(eval("$states.input.long * 2", INPUT)).isEqualTo(json("24691357802468"));
  }

  @Test
  void nullIsNotNothing() {
    assertThat(text("null")).isEqualTo("null");
    assertThat(text("$states.input.nil", INPUT)).isEqualTo("null");
    assertThat(text("$states.input.arr[1]", INPUT)).isEqualTo("null");
    assertThat(text("$states.input.arr[4].k", INPUT)).isEqualTo("null");
    assertThat(text("$type($states.input.nil)", INPUT)).isEqualTo("\"null\"");
    assertThat(text("$states.input.nil = null", INPUT)).isEqualTo("true");
    assertThat(text("{\"a\": null, \"b\": $states.input.nil}", INPUT)).isEqualTo("{\"a\":null,\"b\":null}");
    assertThat(text("[null, $states.input.nil]", INPUT)).isEqualTo("[null,null]");
    assertThat(eval("$states.input.missing", INPUT)).isNull();
    assertThat(eval("$doesNotExist", INPUT)).isNull();
    assertThat(eval("$states.input.arr[9]", INPUT)).isNull();
    assertThat(eval("[]", INPUT)).isEqualTo(json("[]"));
  }

  @Test
  void undefinedMembersOfAConstructedObjectAreDropped() {
    assertThat(text("{\"a\": $nothing, \"b\": 1}")).isEqualTo("{\"b\":1}");
    assertThat(text("[1, $nothing, 2]")).isEqualTo("[1,2]");
  }

  @Test
  void keyOrderIsKept() {
    assertThat(text("{\"z\": 1, \"a\": 2, \"m\": 3}")).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    assertThat(text("$merge([$states.input.obj, {\"b\": 4}])", INPUT)).isEqualTo("{\"z\":1,\"a\":2,\"m\":3,\"b\":4}");
  }

  @Test
  void aChangedInputIsConvertedNotShared() {
    JsonNode input = json(INPUT);
    JsonNode out = eval("$states.input ~> |obj|{\"x\": 1}|", input);
    assertThat(out.path("obj").path("x").intValue()).isEqualTo(1);
    assertThat(input.path("obj").has("x")).isFalse();
    assertThat(out.path("nil").isNull()).isTrue();
  }

  @Test
  void resultsEmbeddingTheInputShareItsNodes() {
    JsonNode input = json(INPUT);
    JsonNode out = eval("{\"copy\": $states.input.obj, \"n\": 1}", input);
    assertThat(out.get("copy")).isSameAs(input.get("obj"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0              | 0",
        "1              | 1",
        "-1.5           | -1.5",
        "0.1            | 0.1",
        "123.456        | 123.456",
        "1e21           | 1e+21",
        "1.5e21         | 1.5e+21",
        "1e20           | 100000000000000000000",
        "1e-6           | 0.000001",
        "1e-7           | 1e-7",
        "1.2345e-10     | 1.2345e-10",
        "0.30000000000000004 | 0.30000000000000004",
      })
  void numbersPrintAsJavaScriptPrintsThem(double value, String expected) {
    assertThat(JsonataValues.jsNumber(value)).isEqualTo(expected.strip());
  }

  @Test
  void stringifyIsJsonStringify() {
    assertThat(JsonataValues.stringify("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
    assertThat(JsonataValues.stringify(1)).isEqualTo("1");
    assertThat(JsonataValues.stringify(1.5)).isEqualTo("1.5");
    assertThat(JsonataValues.stringify(java.util.List.of(1, "a"))).isEqualTo("[1,\"a\"]");
    assertThat(JsonataValues.stringify(java.util.Map.of("k", true))).isEqualTo("{\"k\":true}");
  }
}
