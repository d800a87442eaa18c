package io.stepwise.asl.path;

import static io.stepwise.asl.path.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencePathTest {
  private final JsonNode result = json("{'r': 1}");

  @Test
  void dollarReplacesTheWholeValue() {
    assertThat(ReferencePath.compile("$").apply(json("{'a': 1}"), result)).isSameAs(result);
  }

  @Test
  void addsAFieldToACopyAndLeavesTheTargetAlone() {
    JsonNode target = json("{'a': {'x': 1}, 'b': [1, 2]}");
    String before = target.toString();
    JsonNode out = ReferencePath.compile("$.c").apply(target, result);
    assertThat(out.toString()).isEqualTo("{\"a\":{\"x\":1},\"b\":[1,2],\"c\":{\"r\":1}}");
    assertThat(target.toString()).isEqualTo(before);
    assertThat(out.get("a")).isSameAs(target.get("a"));
    assertThat(out.get("b")).isSameAs(target.get("b"));
  }

  @Test
  void replacesAnExistingFieldInPlace() {
    JsonNode out = ReferencePath.compile("$.a").apply(json("{'a': 0, 'b': 1}"), result);
    assertThat(out.toString()).isEqualTo("{\"a\":{\"r\":1},\"b\":1}");
  }

  @Test
  void createsMissingObjectsOnTheWay() {
    JsonNode out = ReferencePath.compile("$.a.b['c d']").apply(json("{'a': {'keep': true}}"), result);
    assertThat(out.toString()).isEqualTo("{\"a\":{\"keep\":true,\"b\":{\"c d\":{\"r\":1}}}}");
  }

  @Test
  void copiesOnlyTheContainersOnThePath() {
    JsonNode target = json("{'a': {'b': {'old': 1}, 'sibling': {'s': 1}}, 'other': {'o': 1}}");
    JsonNode out = ReferencePath.compile("$.a.b.new").apply(target, result);
    assertThat(out.get("other")).isSameAs(target.get("other"));
    assertThat(out.get("a").get("sibling")).isSameAs(target.get("a").get("sibling"));
    assertThat(out.get("a").get("b")).isNotSameAs(target.get("a").get("b"));
    assertThat(target.get("a").get("b").has("new")).isFalse();
  }

  @Test
  void writesIntoArrayItems() {
    JsonNode target = json("{'list': [{'v': 0}, {'v': 1}]}");
    assertThat(ReferencePath.compile("$.list[1].v").apply(target, result).toString())
        .isEqualTo("{\"list\":[{\"v\":0},{\"v\":{\"r\":1}}]}");
    assertThat(ReferencePath.compile("$.list[-1]").apply(target, result).toString())
        .isEqualTo("{\"list\":[{\"v\":0},{\"r\":1}]}");
    assertThat(target.toString()).isEqualTo("{\"list\":[{\"v\":0},{\"v\":1}]}");
  }

  @Test
  void aFieldOfANonObjectIsAResultPathMatchFailure() {
    assertThatThrownBy(() -> ReferencePath.compile("$.a.b").apply(json("{'a': 'text'}"), result))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesErrors.RESULT_PATH_MATCH_FAILURE);
              assertThat(e.cause()).isEqualTo("Unable to apply step \"b\" to input \"text\"");
            });
    assertThatThrownBy(() -> ReferencePath.compile("$.x").apply(json("[1, 2]"), result))
        .hasMessageEndingWith("Unable to apply step \"x\" to input [1,2]");
  }

  @Test
  void anIndexOutsideAnArrayIsAResultPathMatchFailure() {
    assertThatThrownBy(() -> ReferencePath.compile("$.a[2]").apply(json("{'a': [1]}"), result))
        .hasMessageEndingWith("Unable to apply step \"2\" to input [1]");
    assertThatThrownBy(() -> ReferencePath.compile("$.a[0]").apply(json("{}"), result))
        .hasMessageEndingWith("Unable to apply step \"0\" to input null");
  }

  @Test
  void aDotBeforeABracketWritesWhereThePlainFormWrites() {
    // Jayway compiles `$.list.[1]` to the same tokens as `$.list[1]`, so AWS cannot tell them apart
    JsonNode target = json("{'list': [{'v': 0}, {'v': 1}]}");
    assertThat(ReferencePath.compile("$.list.[1].v").apply(target, result))
        .isEqualTo(ReferencePath.compile("$.list[1].v").apply(target, result));
    assertThat(ReferencePath.compile("$.['a b']").apply(json("{}"), result).toString()).isEqualTo("{\"a b\":{\"r\":1}}");
    assertThatThrownBy(() -> ReferencePath.compile("$.list.[*]")).hasMessageStartingWith("Invalid reference path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a[*]", "$.a[0:1]", "$..a", "$.a[?(@.b)]", "$['a','b']", "$.a[0,1]", "$.a.length()", "$.*", "$.a.sum()"})
  void onlySingleNodePathsAreReferencePaths(String path) {
    assertThatThrownBy(() -> ReferencePath.compile(path))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageStartingWith("Invalid reference path '" + path + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$$.Execution", "$var.x"})
  void contextAndVariablePathsAreNotReferencePaths(String path) {
    assertThatThrownBy(() -> ReferencePath.compile(path))
        .hasMessage("Invalid reference path '" + path + "': it must start with '$.' or be '$'");
  }

  @Test
  void malformedTextIsASyntaxError() {
    assertThatThrownBy(() -> ReferencePath.compile("a.b")).isInstanceOf(ExpressionSyntaxException.class);
    assertThat(ReferencePath.compile("$.a").text()).isEqualTo("$.a");
    assertThat(Json.write(ReferencePath.compile("$['a b']").apply(json("{}"), result))).isEqualTo("{\"a b\":{\"r\":1}}");
  }
}
