package io.stepwise.conformance;

import static io.stepwise.conformance.NormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchesTest {
  @Test
  void equalValuesMatchWhateverTheKeyOrderOrNumberForm() {
    assertThat(Normalizer.matches(json("{\"a\": 1, \"b\": [1.0, \"x\"]}"), json("{\"b\": [1, \"x\"], \"a\": 1.0}"))).isTrue();
  }

  @Test
  void placeholdersMatchAnyText() {
    assertThat(Normalizer.matches(json("{\"id\": \"<uuid:1>\", \"n\": 1}"), json("{\"n\": 1, \"id\": \"0b7e5a6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b\"}"))).isTrue();
    assertThat(Normalizer.matches(json("\"arn:x:<ArnPart_0idx>:tail\""), json("\"arn:x:my-machine:tail\""))).isTrue();
    assertThat(Normalizer.matches(json("\"<request-id>\""), json("\"\""))).isTrue();
  }

  @Test
  void aPlaceholderCanStandForAnyJsonTextInTheSortedSerialisation() {
    // like the Python reference: the comparison is over text, so a token may span structure
    assertThat(Normalizer.matches(json("{\"a\": \"<x:1>\"}"), json("{\"a\": \"q\\\"r\"}"))).isTrue();
  }

  @Test
  void literalPartsMustStillMatch() {
    assertThat(Normalizer.matches(json("{\"id\": \"<uuid:1>\", \"n\": 1}"), json("{\"id\": \"u\", \"n\": 2}"))).isFalse();
    assertThat(Normalizer.matches(json("\"a<x>b<y>c\""), json("\"a1b2c\""))).isTrue();
    assertThat(Normalizer.matches(json("\"a<x>b<y>c\""), json("\"a1c2b\""))).isFalse();
    assertThat(Normalizer.matches(json("\"ab<x>ba\""), json("\"aba\""))).isFalse();
  }

  @Test
  void differencesWithoutPlaceholdersDoNotMatch() {
    assertThat(Normalizer.matches(json("[1, 2]"), json("[2, 1]"))).isFalse();
    assertThat(Normalizer.matches(json("{\"a\": true}"), json("{\"a\": 1}"))).isFalse();
    assertThat(Normalizer.matches(json("null"), json("{}"))).isFalse();
    assertThat(Normalizer.matches(null, json("null"))).isTrue();
  }

  @Test
  void diffNamesTheFirstDifferingPath() {
    assertThat(JsonDiff.first(json("{\"a\": {\"b\": [1, 2]}, \"c\": 1}"), json("{\"a\": {\"b\": [1, 3]}, \"c\": 1}"), 50))
        .isEqualTo("$.a.b[1]: expected 2, got 3");
    assertThat(JsonDiff.first(json("{\"a\": 1}"), json("{}"), 50)).isEqualTo("$.a: missing (expected 1)");
    assertThat(JsonDiff.first(json("{}"), json("{\"z\": 1}"), 50)).isEqualTo("$.z: unexpected 1");
    assertThat(JsonDiff.first(json("{\"id\": \"<uuid:1>\"}"), json("{\"id\": \"x\"}"), 50)).isNull();
    String longText = "x".repeat(100);
    assertThat(JsonDiff.first(json("\"" + longText + "abc\""), json("\"" + longText + "abd\""), 50))
        .isEqualTo("$: expected \"..." + "x".repeat(18) + "abc\", got \"..." + "x".repeat(18) + "abd\"");
  }

  @Test
  void fieldOrderIsNamedWhereAnObjectListsItsFieldsOtherwise() {
    assertThat(JsonDiff.firstOrderDifference(json("{\"a\": [{\"x\": 1, \"y\": 2}], \"b\": 1}"), json("{\"a\": [{\"y\": 2, \"x\": 1}], \"b\": 1}"), "$"))
        .isEqualTo("$.a[0]: fields [x, y] in AWS's order, ours [y, x]");
    assertThat(JsonDiff.firstOrderDifference(json("{\"a\": 1, \"b\": 2}"), json("{\"a\": 1, \"b\": 2}"), "$")).isNull();
    // a placeholder stands for the whole value, whatever order its fields have
    assertThat(JsonDiff.firstOrderDifference(json("{\"a\": \"<x:1>\"}"), json("{\"a\": {\"q\": 1, \"p\": 2}}"), "$")).isNull();
  }
}
