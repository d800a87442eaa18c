package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertFails;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.eval;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.evalJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.Array and the ArrayX functions; expected values follow the corpus where it has them. */
class ArrayFunctionsTest {
  @Test
  void arrayCollectsItsArguments() {
    assertThat(evalJson("States.Array('Foo', 2022, $.obj.Arg2, null, States.Array())")).isEqualTo("[\"Foo\",2022,[],null,[]]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "States.ArrayPartition(States.Array(1, 2, 3, 4, 5), 2) | [[1,2],[3,4],[5]]",
        "States.ArrayPartition(States.Array(), 3)              | []",
        "States.ArrayPartition($.list, 10)                     | [[1,2,2,\"2\",[1],{\"a\":1}]]",
        "States.ArrayContains($.list, 2)                       | true",
        "States.ArrayContains($.list, 2.0)                     | true",
        "States.ArrayContains($.list, '2')                     | true",
        "States.ArrayContains($.list, States.StringToJson('{\"a\":1}')) | true",
        "States.ArrayContains($.list, 3)                       | false",
        "States.ArrayContains(States.Array(), null)            | false",
        "States.ArrayRange(1, 9, 2)                            | [1,3,5,7,9]",
        "States.ArrayRange(0, 10, 3)                           | [0,3,6,9]",
        "States.ArrayRange(5, 1, -2)                           | [5,3,1]",
        "States.ArrayRange(1, 5, -1)                           | []",
        "States.ArrayRange(0.5, 2.4, 1)                        | [1,2]",
        "States.ArrayGetItem($.list, 4)                        | [1]",
        "States.ArrayGetItem($.list, 0)                        | 1",
        "States.ArrayLength($.list)                            | 6",
        "States.ArrayUnique($.list)                            | [1,2,\"2\",[1],{\"a\":1}]",
        "States.ArrayUnique(States.Array(1, 1.0, 1.00, 2))     | [1,2]"
      })
  void arrayFunctions(String call, String expected) {
    assertThat(evalJson(call.trim())).isEqualTo(expected.trim());
  }

  @Test
  void arrayRangeProducesAtMostAThousandItems() {
    assertThat(eval("States.ArrayRange(1, 1000, 1)").size()).isEqualTo(1000);
    assertFails("States.ArrayRange(0, 1000, 1)", "Invalid arguments in States.ArrayRange: the range would hold 1001 items, more than the maximum of 1000");
    assertFails("States.ArrayRange(0, 10, 0)", "Invalid arguments in States.ArrayRange: the step must not be 0");
  }

  @Test
  void badArrayArgumentsFail() {
    assertFails("States.ArrayLength($.name)", "Invalid arguments in States.ArrayLength: the argument at position 1 must be an array, but was a string");
    assertFails("States.ArrayGetItem($.list, 6)", "Invalid arguments in States.ArrayGetItem: the index 6 is out of bounds for an array of 6 items");
    assertFails("States.ArrayGetItem($.list, -1)", "Invalid arguments in States.ArrayGetItem: the index -1 is out of bounds for an array of 6 items");
    assertFails("States.ArrayGetItem($.list, 1.5)", "Invalid arguments in States.ArrayGetItem: the argument at position 2 must be an integer, but was a number");
    assertFails("States.ArrayPartition($.list, 0)", "Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but was 0");
    assertFails("States.ArrayRange(1, 'x', 1)", "Invalid arguments in States.ArrayRange: the argument at position 2 must be a number, but was a string");
  }
}
