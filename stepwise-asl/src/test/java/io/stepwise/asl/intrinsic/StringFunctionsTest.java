package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.eval;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.evalJson;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.StringSplit, nested calls over strings, and States.UUID. */
class StringFunctionsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "' '                     | ','    | [\" \"]",
        "' , '                   | ','    | [\" \",\" \"]",
        "', , ,'                 | ','    | [\" \",\" \"]",
        "',,,,'                  | ','    | []",
        "'1,2,3,4,5'             | ','    | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "'This.is+a,test=string' | '.+,=' | [\"This\",\"is\",\"a\",\"test\",\"string\"]"
      })
  void stringSplitUsesEveryDelimiterCharacterAndDropsEmptyPieces(String text, String delimiters, String expected) {
    // corpus cases test_string_split
    assertThat(evalJson("States.StringSplit(" + text.trim() + ", " + delimiters.trim() + ")")).isEqualTo(expected.trim());
  }

  @Test
  void nestedCallsSplitAnArn() {
    // corpus cases test_nested_calls_1 and _2
    assertThat(eval("States.ArrayGetItem(States.StringSplit($.arn, ':'), 6)").textValue()).isEqualTo("my-machine-v2");
    assertThat(eval("States.ArrayGetItem(States.StringSplit($.arn, '-'), "
            + "States.MathAdd(States.ArrayLength(States.StringSplit($.arn, '-')), -1))").textValue())
        .isEqualTo("v2");
  }

  @Test
  void uuidIsAVersion4UuidDrawnFromTheScope() {
    String a = IntrinsicCall.compile("States.UUID()").evaluate(scope(42), "f.$").textValue();
    String b = IntrinsicCall.compile("States.UUID()").evaluate(scope(42), "f.$").textValue();
    assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").isEqualTo(b);
    assertThat(IntrinsicCall.compile("States.UUID()").evaluate(scope(43), "f.$").textValue()).isNotEqualTo(a);
  }
}
