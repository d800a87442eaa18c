package io.stepwise.asl.path;

import static io.stepwise.asl.path.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
  private static final String STORE =
      """
      {'store': {
         'book': [
           {'category': 'reference', 'author': 'Nigel Rees', 'title': 'Sayings', 'price': 8.95},
           {'category': 'fiction', 'author': 'Evelyn Waugh', 'title': 'Sword', 'price': 12.99},
           {'category': 'fiction', 'author': 'Herman Melville', 'title': 'Moby Dick', 'isbn': '0-553', 'price': 8.99},
           {'category': 'fiction', 'author': 'J. R. R. Tolkien', 'title': 'Rings', 'isbn': '0-395', 'price': 22.99}
         ],
         'bicycle': {'color': 'red', 'price': 19.95}
       },
       'expensive': 10}
      """;

  private static JsonNode read(String path, String input) {
    return JsonPath.compile(path).read(Scopes.input(input));
  }

  private static String readText(String path, String input) {
    JsonNode v = read(path, input);
    return v == null ? null : v.toString();
  }

  @Nested
  class DefinitePaths {
    @Test
    void dotAndBracketNotationSelectFields() {
      String in = "{'a': {'b c': {'d': 1}}, 'x': 'y'}";
      assertThat(readText("$.x", in)).isEqualTo("\"y\"");
      assertThat(readText("$['a']['b c'].d", in)).isEqualTo("1");
      assertThat(readText("$[\"a\"][\"b c\"][\"d\"]", in)).isEqualTo("1");
      assertThat(readText("$.a['b c']", in)).isEqualTo("{\"d\":1}");
    }

    @Test
    void rootSelectsTheWholeInput() {
      JsonNode input = json("{'a': 1}");
      assertThat(JsonPath.compile("$").read(Scope.of(input, null))).isSameAs(input);
    }

    @Test
    void fieldNamesMayHoldDashesAndDigits() {
      assertThat(readText("$.delivery-partner.1st", "{'delivery-partner': {'1st': true}}")).isEqualTo("true");
    }

    @Test
    void indexesCountFromTheEndWhenNegative() {
      String in = "{'items': [10, 20, 30]}";
      assertThat(readText("$.items[0]", in)).isEqualTo("10");
      assertThat(readText("$.items[-1]", in)).isEqualTo("30");
      assertThat(readText("$.items[-3]", in)).isEqualTo("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.missing", "$.a.b.c", "$.items[3]", "$.items[-4]", "$.a[0]", "$.items.x", "$.s.length"})
    void missingValuesReadAsJavaNull(String path) {
      assertThat(read(path, "{'a': {'b': 1}, 'items': [1, 2, 3], 's': 'text'}")).isNull();
    }

    @Test
    void aNullValueIsFoundNotMissing() {
      assertThat(read("$.a", "{'a': null}").isNull()).isTrue();
      assertThat(read("$.a.b", "{'a': null}")).isNull();
    }

    @Test
    void quotedNamesKeepBackslashesAsWrittenAsAwsDoes() {
      // corpus case ESCAPE_SEQUENCES_JSONPATH: $['Test\""Name"'] found the key Test\""Name"
      JsonNode input = Scopes.json("{}");
      ((com.fasterxml.jackson.databind.node.ObjectNode) input).put("Test\\\"\"Name\"", "Value");
      JsonNode v = JsonPath.compile("$['Test\\\"\"Name\"']").read(Scope.of(input, null));
      assertThat(v.textValue()).isEqualTo("Value");
    }

    @Test
    void aFieldUnionAtTheEndMergesThePresentFieldsAsJaywayDoes() {
      JsonPath p = JsonPath.compile("$['a','c','zz']");
      assertThat(p.isDefinite()).isTrue();
      assertThat(p.read(Scopes.input("{'a': 1, 'b': 2, 'c': 3}")).toString()).isEqualTo("{\"a\":1,\"c\":3}");
    }

    @Test
    void lengthCountsArrayItemsAndObjectFields() {
      assertThat(readText("$.items.length()", "{'items': [1, 2, 3]}")).isEqualTo("3");
      assertThat(readText("$.o.length()", "{'o': {'a': 1}}")).isEqualTo("1");
      assertThat(readText("$.s.length()", "{'s': 'abc'}")).isEqualTo("null");
      assertThat(read("$.missing.length()", "{}")).isNull();
    }

    @Test
    void lengthAfterIndefiniteStepsFollowsJayway() {
      // checked against Jayway 2.10: per match after [*] or a filter, summed after a leading $..
      String in = "{'x': [[1, 2], [3], 's'], 's': {'b': [1, 2, 3], 'o': {'b': [4, 5]}}}";
      assertThat(readText("$.x[*].length()", in)).isEqualTo("[2,1,null]");
      assertThat(JsonPath.compile("$.x[*].length()").isDefinite()).isFalse();
      assertThat(readText("$..b.length()", in)).isEqualTo("5");
      assertThat(JsonPath.compile("$..b.length()").isDefinite()).isTrue();
      assertThat(readText("$.s..b.length()", in)).isEqualTo("[3,2]");
      assertThat(readText("$..price.length()", STORE)).isEqualTo("0");
      assertThat(readText("$..book.length()", STORE)).isEqualTo("4");
    }
  }

  @Nested
  class IndefinitePaths {
    @Test
    void wildcardsSelectArrayItemsAndObjectValues() {
      assertThat(readText("$.a[*]", "{'a': [1, 2]}")).isEqualTo("[1,2]");
      assertThat(readText("$.o.*", "{'o': {'x': 1, 'y': [2]}}")).isEqualTo("[1,[2]]");
      assertThat(readText("$[*]", "{}")).isEqualTo("[]");
      assertThat(readText("$.a[*].v", "{'a': [{'v': 1}, {'w': 2}, {'v': 3}, 4]}")).isEqualTo("[1,3]");
    }

    @Test
    void missingPartsOfIndefinitePathsGiveAnEmptyArray() {
      // corpus cases test_json_path_array_wildcard_or_slice_with_no_input
      for (String p : new String[] {"$.items[*]", "$.item.items[1:5].itemValue", "$.items[:1]", "$.items[1:]"}) {
        assertThat(readText(p, "{}")).as(p).isEqualTo("[]");
      }
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "$.a[1:3]   | [1,2]",
          "$.a[:2]    | [0,1]",
          "$.a[-2:]   | [3,4]",
          "$.a[3:]    | [3,4]",
          "$.a[:-3]   | [0,1]",
          "$.a[2:100] | [2,3,4]",
          "$.a[4:2]   | []",
          "$.a[-3:-1] | [2,3]",
          "$.a[0,2]   | [0,2]",
          "$.a[0,9,-1]| [0,4]"
        })
    void slicesAndIndexUnionsFollowJayway(String path, String expected) {
      assertThat(readText(path.trim(), "{'a': [0, 1, 2, 3, 4]}")).isEqualTo(expected);
    }

    @Test
    void fieldUnionsFollowedByMoreStepsFanOut() {
      assertThat(readText("$['a','b'].v", "{'a': {'v': 1}, 'b': {'v': 2}, 'c': {'v': 3}}")).isEqualTo("[1,2]");
    }

    @Test
    void deepScanVisitsDocumentOrder() {
      assertThat(readText("$..author", STORE))
          .isEqualTo("[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]");
      assertThat(readText("$..price", STORE)).isEqualTo("[8.95,12.99,8.99,22.99,19.95]");
      assertThat(readText("$..book[2].title", STORE)).isEqualTo("[\"Moby Dick\"]");
      assertThat(readText("$..*", "{'a': {'b': 1}, 'c': [2]}")).isEqualTo("[{\"b\":1},[2],1,2]");
    }

    @Test
    void filtersCompareFieldsWithLiterals() {
      assertThat(readText("$.store.book[?(@.price < 10)].title", STORE)).isEqualTo("[\"Sayings\",\"Moby Dick\"]");
      assertThat(readText("$.store.book[?(@.price >= 12.99)].title", STORE)).isEqualTo("[\"Sword\",\"Rings\"]");
      assertThat(readText("$.store.book[?(@.category == 'reference')].title", STORE)).isEqualTo("[\"Sayings\"]");
      assertThat(readText("$.store.book[?(@.category != \"fiction\")].title", STORE)).isEqualTo("[\"Sayings\"]");
      assertThat(readText("$.store.book[?(@.price <= 8.95)].price", STORE)).isEqualTo("[8.95]");
      assertThat(readText("$.store.book[?(@.price > 20)].price", STORE)).isEqualTo("[22.99]");
    }

    @Test
    void filtersTestExistenceAndCombineWithLogic() {
      assertThat(readText("$.store.book[?(@.isbn)].title", STORE)).isEqualTo("[\"Moby Dick\",\"Rings\"]");
      assertThat(readText("$.store.book[?(!@.isbn)].title", STORE)).isEqualTo("[\"Sayings\",\"Sword\"]");
      assertThat(readText("$.store.book[?(@.isbn && @.price < 10)].title", STORE)).isEqualTo("[\"Moby Dick\"]");
      assertThat(readText("$.store.book[?(@.price > 20 || @.category == 'reference')].title", STORE))
          .isEqualTo("[\"Sayings\",\"Rings\"]");
      assertThat(readText("$.store.book[?(!(@.price < 10) && @.isbn)].title", STORE)).isEqualTo("[\"Rings\"]");
    }

    @Test
    void filtersMayReadTheDocumentRootAndMatchRegexes() {
      assertThat(readText("$.store.book[?(@.price < $.expensive)].price", STORE)).isEqualTo("[8.95,8.99]");
      assertThat(readText("$.store.book[?(@.author =~ /.*REES/i)].title", STORE)).isEqualTo("[\"Sayings\"]");
      assertThat(readText("$..book[?(@.title =~ /S.*/)].title", STORE)).isEqualTo("[\"Sayings\",\"Sword\"]");
    }

    @Test
    void filterComparisonsMixTypesAsJaywayDoes() {
      String in = "{'a': [{'v': 0}, {'v': '0'}, {'v': null}, {'v': true}, {}, {'v': [1]}]}";
      assertThat(readText("$.a[?(@.v == 0)]", in)).isEqualTo("[{\"v\":0},{\"v\":\"0\"}]");
      assertThat(readText("$.a[?(@.v == null)]", in)).isEqualTo("[{\"v\":null}]");
      assertThat(readText("$.a[?(@.v == true)]", in)).isEqualTo("[{\"v\":true}]");
      assertThat(readText("$.a[?(@.v != 0)]", in)).isEqualTo("[{\"v\":null},{\"v\":true},{},{\"v\":[1]}]");
      assertThat(readText("$.a[?(@.v < 1)]", in)).isEqualTo("[{\"v\":0}]");
      assertThat(readText("$.a[?(@.v)]", in)).isEqualTo("[{\"v\":0},{\"v\":\"0\"},{\"v\":null},{\"v\":true},{\"v\":[1]}]");
    }

    @Test
    void filtersCompareWithJsonLiterals() {
      String in = "{'a': [{'v': [1]}, {'v': {'k': 'x'}}, {'v': 1}]}";
      assertThat(readText("$.a[?(@.v == [1])]", in)).isEqualTo("[{\"v\":[1]}]");
      assertThat(readText("$.a[?(@.v == {\"k\": \"x\"})]", in)).isEqualTo("[{\"v\":{\"k\":\"x\"}}]");
      assertThatThrownBy(() -> JsonPath.compile("$.a[?(@.v == [1,)]")).hasMessageContaining("bad JSON literal [1,)]");
    }

    @Test
    void aFilterOnAnObjectTestsTheObjectItself() {
      assertThat(readText("$.o[?(@.k == 1)]", "{'o': {'k': 1}}")).isEqualTo("[{\"k\":1}]");
      assertThat(readText("$.o[?(@.k == 2)]", "{'o': {'k': 1}}")).isEqualTo("[]");
    }

    @Test
    void corpusFilterSelectsMatchingUsers() {
      // corpus case test_state_pass_regex_json_path_base
      String in = "{'users': [{'year': 1997, 'status': 0}, {'year': 1998, 'status': 1}]}";
      assertThat(readText("$.users[?(@.status == 0)]", in)).isEqualTo("[{\"year\":1997,\"status\":0}]");
    }
  }

  @Nested
  class Roots {
    private final JsonNode input = json("{'a': 1}");
    private final JsonNode context = json("{'Execution': {'Name': 'run-1'}, 'Map': {'Item': {'Index': 2}}}");
    private final Scope scope = Scopes.of(input, context, Map.of("count", json("{'n': [5, 6]}")));

    @Test
    void doubleDollarReadsTheContextObject() {
      JsonPath p = JsonPath.compile("$$.Execution.Name");
      assertThat(p.root()).isEqualTo(JsonPath.Root.CONTEXT);
      assertThat(p.read(scope).textValue()).isEqualTo("run-1");
      assertThat(JsonPath.compile("$$").read(scope)).isSameAs(context);
    }

    @Test
    void dollarNameReadsAVariable() {
      JsonPath p = JsonPath.compile("$count.n[1]");
      assertThat(p.root()).isEqualTo(JsonPath.Root.VARIABLE);
      assertThat(p.variable()).isEqualTo("count");
      assertThat(p.read(scope).intValue()).isEqualTo(6);
      assertThat(JsonPath.compile("$count").read(scope).toString()).isEqualTo("{\"n\":[5,6]}");
    }

    @Test
    void anUndefinedVariableSelectsNothing() {
      assertThat(JsonPath.compile("$nope").read(scope)).isNull();
      assertThat(JsonPath.compile("$nope.x").read(scope)).isNull();
      assertThat(JsonPath.compile("$nope[*]").read(scope).toString()).isEqualTo("[]");
    }

    @Test
    void textIsKeptAsWritten() {
      assertThat(JsonPath.compile("$$.Map.Item.Index").text()).isEqualTo("$$.Map.Item.Index");
      assertThat(JsonPath.compile("$.a").root()).isEqualTo(JsonPath.Root.INPUT);
      assertThat(JsonPath.compile("$.a").variable()).isNull();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$                   | true",
        "$.a.b[0]['c'][-1]   | true",
        "$$.Execution.Input  | true",
        "$var.x              | true",
        "$['a','b']          | true",
        "$.a[*]              | false",
        "$.a.*               | false",
        "$.a[1:2]            | false",
        "$.a[0,1]            | false",
        "$['a','b'].c        | false",
        "$..a                | false",
        "$.a[?(@.b)]         | false"
      })
  void definitenessFollowsJayway(String path, boolean definite) {
    assertThat(JsonPath.compile(path.trim()).isDefinite()).isEqualTo(definite);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.b            | a path must start with '$'",
        "$.             | a path must not end with '.' at position 2",
        "$..            | a path must not end with '..' at position 3",
        "$.a b          | use bracket notation ['my name'] for names with blanks at position 3",
        "$[             | unclosed '[' at position 2",
        "$['a'          | expected ',' or ']' after a quoted name at position 5",
        "$['a           | unterminated quoted name at position 4",
        "$[?(@.a in 1)] | unsupported filter operator 'in' at position 10",
        "$[?(1)]        | expected a comparison operator at position 5",
        "$[:]           | a slice needs a start or an end at position 3",
        "$[99999999999] | index out of range at position 13",
        "$.a..          | a path must not end with '..' at position 5",
        "$x-y           | unexpected '-' at position 2"
      })
  void malformedPathsAreRejectedWithTheReason(String path, String problem) {
    assertThatThrownBy(() -> JsonPath.compile(path.trim()))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageEndingWith(problem);
  }

  @Test
  void syntaxErrorsQuoteThePath() {
    assertThatThrownBy(() -> JsonPath.compile("$.a b"))
        .hasMessage("Invalid JSONPath '$.a b': use bracket notation ['my name'] for names with blanks at position 3");
  }
}
