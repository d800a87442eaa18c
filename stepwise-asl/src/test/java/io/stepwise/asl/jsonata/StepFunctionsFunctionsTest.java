package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.CLOCK;
import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static io.stepwise.asl.jsonata.JsonataFixtures.tail;
import static io.stepwise.asl.jsonata.JsonataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The functions Step Functions adds to JSONata; values AWS gave are quoted where known. */
class StepFunctionsFunctionsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$partition([1,2,3,4], 2)             | [[1,2],[3,4]]", // AWS
        "$partition([1,2,3,4,5,6,7,8,9], 3)   | [[1,2,3],[4,5,6],[7,8,9]]",
        "$partition([1,2,3,4,5], 2)           | [[1,2],[3,4],[5]]",
        "$partition([0], 1)                   | [[0]]", // corpus: a chunk of one stays an array
        "$partition([0, 1, 2], 4)             | [[0,1,2]]",
        "$partition([1,2,3], 2.9)             | [[1,2],[3]]", // rounded down
        "$partition([], 2)                    | []",
        "$partition([{\"a\":1}, null], 1)     | [[{\"a\":1}],[null]]",
      })
  void partition(String expression, String expected) {
    assertThat(text(expression.strip())).isEqualTo(expected.strip());
  }

  @Test
  void partitionRefusesASizeBelowOne() {
    assertThat(tail("$partition([1,2], 0)")).startsWith("threw an error during evaluation: ").contains("partition");
    assertThat(tail("$partition([1,2], 0.5)")).contains("partition");
    assertThat(tail("$partition([1,2])")).isEqualTo("threw an error during evaluation. T0410: Argument 2 of function \"partition\" does not match function signature");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$range(0, 6, 2)      | [0,2,4,6]", // AWS
        "$range(0, 10, 2)     | [0,2,4,6,8,10]",
        "$range(0, 9, 3)      | [0,3,6,9]", // corpus
        "$range(0, 10, 3)     | [0,3,6,9]", // corpus
        "$range(1, 9, 2)      | [1,3,5,7,9]", // corpus
        "$range(1, 9, 9)      | 1", // corpus: a sequence of one is its item
        "$range(10, 0, -5)    | [10,5,0]",
        "$range(0.9, 3.9, 1)  | [0,1,2,3]", // rounded down
        "[$range(1, 1, 1)]    | [1]",
        "$range(5, 1, 1)      | undefined",
        "$count($range(1, 873782, 1)) | 873782",
      })
  void range(String expression, String expected) {
    assertThat(text(expression.strip())).isEqualTo(expected.strip());
  }

  @Test
  void rangeRefusesAZeroStepAndTooManyItems() {
    assertThat(tail("$range(1, 5, 0)")).startsWith("threw an error during evaluation: ").contains("range");
    assertThat(tail("$range(1, 873783, 1)"))
        .isEqualTo("threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage");
    assertThat(tail("$range(0, 1e300, 1)")).contains("memory limit exceeded");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$hash('input', 'SHA-1')      | \"140f86aae51ab9e1cda9b4254fe98a74eb54c1a1\"", // AWS
        "$hash('input', 'MD5')        | \"a43c1b0aa53a0c908810c06ab1ff3967\"",
        "$hash('', 'SHA-256')         | \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"",
        "$hash('abc', 'SHA-384')      | \"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7\"",
        "$hash('abc', 'SHA-512')      | \"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"",
        "$hash({\"a\": 1}, 'MD5') = $hash('{\"a\":1}', 'MD5') | true",
        "$hash($nothing, 'MD5')       | undefined",
      })
  void hash(String expression, String expected) {
    assertThat(text(expression.strip())).isEqualTo(expected.strip());
  }

  @Test
  void hashRefusesAnUnknownAlgorithm() {
    assertThat(tail("$hash('a', 'SHA-3')")).startsWith("threw an error during evaluation: ").contains("SHA-3");
  }

  @Test
  void randomWithASeedIsJavaUtilRandom() {
    assertThat(text("$random(42)")).isEqualTo("0.7275636800328681"); // AWS
    assertThat(text("$random(42.9)")).isEqualTo("0.7275636800328681");
    assertThat(text("$random(7) = $random(7)")).isEqualTo("true");
  }

  @Test
  void randomAndUuidDrawFromTheGivenGenerator() {
    JsonataExpression e = JsonataExpression.compile("{'r': $random(), 'u': $uuid()}");
    JsonNode first = e.evaluate(null, Map.of(), new SplittableRandom(3), CLOCK, "Output");
    JsonNode again = e.evaluate(null, Map.of(), new SplittableRandom(3), CLOCK, "Output");
    JsonNode other = e.evaluate(null, Map.of(), new SplittableRandom(4), CLOCK, "Output");
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    double r = first.get("r").doubleValue();
    assertThat(r).isBetween(0.0, 1.0).isNotEqualTo(1.0);
    assertThat(first.get("u").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$parse('{\"a\":1}').a               | 1", // AWS
        "$parse('[1,{\"b\":null},\"x\"]')     | [1,{\"b\":null},\"x\"]",
        "$parse('null')                     | null",
        "$parse('2.50')                     | 2.5",
        "$parse('\"s\"')                      | \"s\"",
        "$parse($nothing)                   | undefined",
      })
  void parse(String expression, String expected) {
    assertThat(text(expression.strip())).isEqualTo(expected.strip());
  }

  @Test
  void parseRefusesText() {
    assertThat(tail("$parse('{nope')")).startsWith("threw an error during evaluation: ").contains("parse");
  }

  @Test
  void evalIsNotAFunction() {
    assertThat(tail("$eval('1+1')")).isEqualTo("threw an error during evaluation. T1006: Attempted to invoke a non-function"); // AWS
  }

  @Test
  void nowAndMillisReadTheGivenClockOncePerEvaluation() {
    assertThat(text("$now()")).isEqualTo("\"2024-11-22T10:15:30.123Z\"");
    assertThat(text("$millis()")).isEqualTo("1732270530123");
    assertThat(text("$now('[Y0001]-[M01]-[D01]')")).isEqualTo("\"2024-11-22\"");
    JsonataExpression e = JsonataExpression.compile("$millis() = $millis()");
    assertThat(e.evaluate(null, Map.of(), new Random(), java.time.InstantSource.system(), "Output").booleanValue()).isTrue();
  }

  @Test
  void builtInsKeepWorking() {
    assertThat(text("$pad('x', 3, '-')")).isEqualTo("\"x--\"");
    assertThat(text("$pad('foo', 5)")).isEqualTo("\"foo  \"");
    assertThat(text("$pad('foo', -5, '#')")).isEqualTo("\"##foo\"");
    assertThat(text("$pad('foo', 8, '-+')")).isEqualTo("\"foo-+-+-\"");
    assertThat(text("$pad('foo', 2)")).isEqualTo("\"foo\"");
    assertThat(text("$pad('\u00e9\ud83d\ude00', 4, '\ud83d\ude00')")).isEqualTo("\"\u00e9\ud83d\ude00\ud83d\ude00\ud83d\ude00\"");
    assertThat(text("$number('1.5')")).isEqualTo("1.5");
    assertThat(text("$sort([3, 1, 2])")).isEqualTo("[1,2,3]");
    assertThat(text("$toMillis('2024-11-22T10:15:30.123Z')")).isEqualTo("1732270530123");
    assertThat(text("$assert(true, 'x')")).isEqualTo("undefined");
    assertThat(text("$uppercase('abc') & $string(1)")).isEqualTo("\"ABC1\"");
  }

  @Test
  void aVariableCanShadowAFunction() {
    JsonataExpression e = JsonataExpression.compile("$hash");
    assertThat(e.evaluate(null, Map.of("hash", json("1")), new Random(), io.stepwise.asl.expr.Scope.FIXED_CLOCK, "Output")).isEqualTo(json("1"));
  }
}
