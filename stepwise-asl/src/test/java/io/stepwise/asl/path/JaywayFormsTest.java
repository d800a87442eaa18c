package io.stepwise.asl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Forms Jayway compiles that a strict reading of JSONPath would not: AWS deploys them. */
class JaywayFormsTest {
  private static String readText(String path, String input) {
    JsonNode v = JsonPath.compile(path).read(Scopes.input(input));
    return v == null ? null : v.toString();
  }

  @Nested
  class DotBeforeBracket {
    // Jayway reads '.' then whatever token follows, so `.[0]` is `[0]`; AWS deploys such paths.
    private final String in = "{'Items': [{'Id': 7, 'n': 2}, {'Id': 8, 'n': 0}], 'o': {'a': 1, 'b': 2}}";

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "$.Items.[0].Id            | $.Items[0].Id",
          "$.Items.[-1]              | $.Items[-1]",
          "$.Items.[*].Id            | $.Items[*].Id",
          "$.Items.[0:1]             | $.Items[0:1]",
          "$.Items.[0,1].n           | $.Items[0,1].n",
          "$.Items.[?(@.n > 0)].Id   | $.Items[?(@.n > 0)].Id",
          "$.Items[?(@.[0])]         | $.Items[?(@[0])]",
          "$.['o'].['a','b']         | $['o']['a','b']",
          "$.o.[\"a\"]               | $.o[\"a\"]",
          "$..[0]                    | $..[0]"
        })
    void aDotBeforeABracketIsIgnoredAsInJayway(String dotted, String plain) {
      JsonPath p = JsonPath.compile(dotted.trim());
      JsonPath q = JsonPath.compile(plain.trim());
      assertThat(p.isDefinite()).isEqualTo(q.isDefinite());
      assertThat(readText(dotted.trim(), in)).isEqualTo(readText(plain.trim(), in));
    }

    @Test
    void theDottedFormsReadTheValuesJaywayReads() {
      assertThat(readText("$.Items.[0].Id", in)).isEqualTo("7");
      assertThat(readText("$.[0]", "[5, 6]")).isEqualTo("5");
      assertThat(readText("$.[*].['Id','n']", "[{'Id': 1, 'n': 2, 'x': 3}]")).isEqualTo("[{\"Id\":1,\"n\":2}]");
      assertThat(readText("$.[?(@.n > 0)]", "[{'n': 1}, {'n': 0}]")).isEqualTo("[{\"n\":1}]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.", "$.[", "$..[", "$. [0]", "$.a. [0]", "$...[0]", "$.[0]."})
    void aDotMustStillBeFollowedByAStep(String path) {
      assertThatThrownBy(() -> JsonPath.compile(path)).isInstanceOf(ExpressionSyntaxException.class);
    }
  }

  @Nested
  class JaywaysLeniency {
    // Found by JaywayComparisonTest: what Jayway 2.10 compiles and reads, and AWS with it
    private final String in = "{'a': [0, 1, 2, 3, 4], 'o': {'k': {'v': 1}, 'k]': 2}, 'n': [{'v': 1}, {'v': '1'}]}";

    @Test
    void aSlicesStepIsAcceptedAndIgnored() {
      assertThat(readText("$.a[0:4:2]", in)).isEqualTo("[0,1,2,3]");
      assertThat(readText("$.a[1::]", in)).isEqualTo("[1,2,3,4]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a[ 1 : 2 ]", "$.a[::2]", "$.a[1,,2]", "$.a[1,]", "$.a[- 1]", "$.a[1:-]", "$['a',]", "$['a'x]"})
    void blanksInsideSlicesAndEmptyListEntriesAreRefused(String path) {
      assertThatThrownBy(() -> JsonPath.compile(path)).isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void blanksAroundIndexesAndUnionCommasAreAllowed() {
      assertThat(readText("$.a[ 1, 2 ]", in)).isEqualTo("[1,2]");
      assertThat(readText("$.a[ -1 ]", in)).isEqualTo("4");
      assertThat(readText("$.a[\u0663]", in)).isEqualTo("3"); // ARABIC-INDIC DIGIT THREE, which Integer.parseInt reads
      assertThat(readText("$['o' , x 'n'][0]", in)).isEqualTo("[{\"v\":1}]"); // Jayway skips what stands between names
    }

    @Test
    void aNameMayFollowABracketOrWildcardWithoutADot() {
      assertThat(readText("$['o']k.v", in)).isEqualTo("1");
      assertThat(readText("$.*k.v", in)).isEqualTo("[1]");
      assertThat(readText("$.o.k]", in)).isEqualTo("2");
    }

    @Test
    void oneCharacterLeftAfterAStepIsIgnoredAndTrailingBlanksAreTrimmed() {
      assertThat(readText("$.a[1]x", in)).isEqualTo("1");
      assertThat(readText("$.o[", in)).isEqualTo(readText("$.o", in));
      assertThat(readText("$.a[1]  ", in)).isEqualTo("1");
      assertThat(JsonPath.compile("$.a ").text()).isEqualTo("$.a ");
    }

    @Test
    void inAFilterAPathRunsOnThroughAmpersandsBarsAndCommas() {
      String list = "[{'a': 1, 'b': 2}, {'a&&@': {'b': 3}}, {'a,b': 0}]";
      assertThat(readText("$[?(@.a&&@.b)]", list)).isEqualTo("[{\"a&&@\":{\"b\":3}}]");
      assertThat(readText("$[?(@.a && @.b)]", list)).isEqualTo("[{\"a\":1,\"b\":2}]");
      assertThat(readText("$[?(@.a,b)]", list)).isEqualTo("[{\"a,b\":0}]");
    }

    @Test
    void typedEqualityComparesTheJsonTypeToo() {
      assertThat(readText("$.n[?(@.v == 1)]", in)).isEqualTo("[{\"v\":1},{\"v\":\"1\"}]");
      assertThat(readText("$.n[?(@.v === 1)]", in)).isEqualTo("[{\"v\":1}]");
      assertThat(readText("$.n[?(@.v !== 1)]", in)).isEqualTo("[{\"v\":\"1\"}]");
    }
  }

  @Nested
  class Functions {
    // AWS deploys $.Jobs.sum() and then finds nothing there (AWS re:Post); Jayway's syntax is checked
    @ParameterizedTest
    @ValueSource(strings = {"$.a.sum()", "$.a.min()", "$.a.foo()", "$.a.concat(\"x\", $.b, 1)", "$.a.length().b", "$.a.sum()x"})
    void otherFunctionCallsCompileAndFindNothing(String path) {
      JsonPath p = JsonPath.compile(path);
      assertThat(p.isDefinite()).isTrue();
      assertThat(p.read(Scopes.input("{'a': [1, 2], 'b': 'x'}"))).isNull();
    }

    @Test
    void afterIndefiniteStepsAFunctionCallFindsAnEmptyList() {
      assertThat(readText("$.a[*].sum()", "{'a': [[1], [2]]}")).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a.sum(", "$.a.sum(1", "$.a.sum($.)", "$.a.sum(1])", "$.a.sum(})"})
    void aCallMustCloseAndItsPathArgumentsCompile(String path) {
      assertThatThrownBy(() -> JsonPath.compile(path)).isInstanceOf(ExpressionSyntaxException.class);
    }
  }
}
