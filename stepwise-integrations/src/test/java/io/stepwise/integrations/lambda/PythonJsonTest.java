package io.stepwise.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

/** Lengths as Python's json.dumps writes the value (lengths worked out with Python 3.12). */
class PythonJsonTest {
  private static int length(String json) throws Exception {
    return PythonJson.length(Json.parse(json));
  }

  @Test
  void separatorsAreACommaOrColonAndASpace() throws Exception {
    assertThat(length("{}")).isEqualTo(2);
    assertThat(length("[]")).isEqualTo(2);
    assertThat(length("{\"a\":1}")).isEqualTo(8); // {"a": 1}
    assertThat(length("{\"a\":1,\"b\":[true,null]}")).isEqualTo(27); // {"a": 1, "b": [true, null]}
  }

  @Test
  void scalarsAreWrittenAsJson() throws Exception {
    assertThat(length("\"HelloWorld!\"")).isEqualTo(13);
    assertThat(length("null")).isEqualTo(4);
    assertThat(length("-12")).isEqualTo(3);
    assertThat(length("2.5")).isEqualTo(3);
  }

  @Test
  void nonAsciiIsEscapedAsUEscapesAndEscapesCountInFull() throws Exception {
    assertThat(length("\"é\"")).isEqualTo(8); // "\u00e9"
    assertThat(length("\"😀\"")).isEqualTo(14); // "\ud83d\ude00": a surrogate pair
    assertThat(length("\"a\\\"b\\n\"")).isEqualTo(8); // "a\"b\n"
    assertThat(length("{\"ключ\":0}")).isEqualTo(31); // {"\u043a\u043b\u044e\u0447": 0}
  }
}
