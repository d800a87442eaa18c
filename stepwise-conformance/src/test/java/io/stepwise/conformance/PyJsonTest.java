package io.stepwise.conformance;

import static io.stepwise.conformance.NormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PyJsonTest {
  @Test
  void dumpsUsesPythonSeparatorsAndKeepsKeyOrder() {
    assertThat(PyJson.dumps(json("{\"b\":1,\"a\":[true,null,{}],\"c\":[]}"))).isEqualTo("{\"b\": 1, \"a\": [true, null, {}], \"c\": []}");
    assertThat(PyJson.dumps(json("{\"b\":1,\"a\":{\"d\":1,\"c\":2}}"), true)).isEqualTo("{\"a\": {\"c\": 2, \"d\": 1}, \"b\": 1}");
  }

  @Test
  void dumpsEscapesLikeEnsureAscii() {
    assertThat(PyJson.quote("a\"b\\c\n\t\u0001\u007f\u00e9\u65e5\ud83d\ude00/"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\\u00e9\\u65e5\\ud83d\\ude00/\"");
  }

  @Test
  void floatsPrintAsPythonRepr() {
    assertThat(PyJson.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(PyJson.floatRepr(100.0)).isEqualTo("100.0");
    assertThat(PyJson.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PyJson.floatRepr(1234567890123456.0)).isEqualTo("1234567890123456.0");
    assertThat(PyJson.floatRepr(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(PyJson.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PyJson.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(PyJson.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(PyJson.floatRepr(1e100)).isEqualTo("1e+100");
    assertThat(PyJson.dumps(json("[1.10, 2, 1E2, 12345678901234567890123]"))).isEqualTo("[1.1, 2, 100.0, 12345678901234567890123]");
  }

  @Test
  void strIsPythonsDictRepr() {
    assertThat(PyJson.pyStr(json("{\"a\": [1, 2.5, null, true, false], \"it's\": \"x\\\"y\", \"n\": \"l\\n\"}")))
        .isEqualTo("{'a': [1, 2.5, None, True, False], \"it's\": 'x\"y', 'n': 'l\\n'}");
    assertThat(PyJson.pyStr(json("[\"string-literal\"]"))).isEqualTo("['string-literal']");
    assertThat(PyJson.pyStr(json("\"plain\""))).isEqualTo("plain");
    assertThat(PyJson.pyStr(json("null"))).isEqualTo("None");
    assertThat(PyJson.pyStr(json("[\"\u00e9\\u0000\\u00a0\"]"))).isEqualTo("['\u00e9\\x00\\xa0']");
    assertThat(PyJson.pyStr(json("[\"both ' and \\\"\"]"))).isEqualTo("['both \\' and \"']");
  }

  @Test
  void equalityIsPythons() {
    assertThat(PyJson.pyEquals(json("{\"a\": 1, \"b\": 2}"), json("{\"b\": 2.0, \"a\": 1}"))).isTrue();
    assertThat(PyJson.pyEquals(json("[1, 2]"), json("[1, 2, 3]"))).isFalse();
    assertThat(PyJson.pyEquals(json("0.1"), json("0.1"))).isTrue();
    assertThat(PyJson.pyEquals(json("\"1\""), json("1"))).isFalse();
  }

  @Test
  void pythonRegexSyntaxTranslates() {
    assertThat(PyRegex.sub("(?P<w>ab)+", "[\\g<w>|\\1|\\g<1>]", "xabab")).isEqualTo("x[ab|ab|ab]");
    assertThat(PyRegex.sub("a{,2}b", "X", "aaab")).isEqualTo("aX");
    assertThat(PyRegex.sub("{x}", "Y", "a{x}b")).isEqualTo("aYb");
    assertThat(PyRegex.sub("Extended Request ID: [a-zA-Z0-9-/=+]+", "E", "Extended Request ID: a/b=+-9 z")).isEqualTo("E z");
    assertThat(PyRegex.sub("[[]", "B", "a[b")).isEqualTo("aBb");
    assertThat(PyRegex.sub("x", "$1\\\"", "x")).as("$ is literal, unknown escapes stay").isEqualTo("$1\\\"");
    assertThat(PyRegex.sub("a.b", "-", "a\nb a\rb")).as("'.' stops only at \\n").isEqualTo("a\nb -");
    assertThat(PyRegex.sub("x*", "-", "abxd")).isEqualTo("-a-b--d-");
    assertThat(PyRegex.compile("\\d+\\Z").matcher("12").matches()).isTrue();
    assertThat(PyRegex.compile("^.*timestamp.*$", Pattern.CASE_INSENSITIVE).matcher("myTimeStamp").lookingAt()).isTrue();
  }

  @Test
  void jsonPathFindsInJsonpathNgOrder() {
    JsonPathLite p = JsonPathLite.parse("$..a");
    assertThat(p.find(json("{\"a\": 1, \"x\": [{\"a\": 2}, {\"y\": {\"a\": 3}}], \"z\": {\"a\": {\"a\": 4}}}")).toString())
        .isEqualTo("[1, 2, 3, {\"a\":4}, 4]");
    JsonPathLite q = JsonPathLite.parse("$.x..b.c");
    assertThat(q.find(json("{\"x\": {\"b\": {\"c\": 1}, \"d\": [{\"b\": {\"c\": 2}}]}, \"b\": {\"c\": 9}}")).toString()).isEqualTo("[1, 2]");
  }
}
