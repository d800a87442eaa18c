package io.stepwise.asl.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {
  private final JsonNode input = json("{'name': 'Ada', 'items': [{'id': 1}, {'id': 2}], 'n': 2}");
  private final JsonNode context = json("{'Execution': {'Id': 'arn:x'}, 'Map': {'Item': {'Value': 'v'}}}");
  private final Scope scope = Scope.of(input, context);

  static JsonNode json(String text) {
    try {
      return Json.parse(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private String evaluate(String template) {
    return Json.write(PayloadTemplate.compile(json(template)).evaluate(scope));
  }

  @Test
  void dollarFieldsTakeTheValueAndLoseTheSuffix() {
    JsonNode template = json("{'who.$': '$.name', 'exec.$': '$$.Execution.Id'}");
    ((ObjectNode) template).put("greeting.$", "States.Format('Hi {}', $.name)");
    assertThat(Json.write(PayloadTemplate.compile(template).evaluate(scope)))
        .contains("\"who\":\"Ada\"", "\"exec\":\"arn:x\"", "\"greeting\":\"Hi Ada\"");
  }

  @Test
  void otherValuesAreLiteralEvenWhenTheyLookLikePaths() {
    // corpus case test_state_pass_result_jsonpaths: only ".$" keys are evaluated
    assertThat(evaluate("{'path': '$.name', 'call': 'States.UUID()', 'n': 1, 'nothing': null}"))
        .isEqualTo("{\"path\":\"$.name\",\"call\":\"States.UUID()\",\"n\":1,\"nothing\":null}");
  }

  @Test
  void templatesNestInObjectsAndInObjectsInsideArrays() {
    assertThat(evaluate("{'a': {'b.$': '$.n'}, 'list': [1, '$.name', {'id.$': '$.items[1].id'}]}"))
        .isEqualTo("{\"a\":{\"b\":2},\"list\":[1,\"$.name\",{\"id\":2}]}");
  }

  @Test
  void literalSubtreesAreSharedNotCopied() {
    JsonNode template = json("{'fixed': {'deep': [1, 2]}, 'list': [{'x': 1}], 'v.$': '$.n'}");
    JsonNode out = PayloadTemplate.compile(template).evaluate(scope);
    assertThat(out.get("fixed")).isSameAs(template.get("fixed"));
    assertThat(out.get("list")).isSameAs(template.get("list"));
    JsonNode constant = json("{'a': [1]}");
    assertThat(PayloadTemplate.compile(constant).evaluate(scope)).isSameAs(constant);
  }

  @Test
  void literalFieldsComeFirstThenDollarFieldsInAwsOrder() {
    // corpus case MAP_STATE_REFERENCE_IN_ITEM_SELECTOR: {"value.$", "bucketName"} came out bucketName first;
    // test_query_runtime_memory: the "$" fields came out in Java HashMap order
    assertThat(evaluate("{'value.$': '$.n', 'bucketName': 'b'}")).isEqualTo("{\"bucketName\":\"b\",\"value\":2}");
    JsonNode out =
        PayloadTemplate.compile(
                json(
                    "{'context_object.$': '$$', 'execution.$': '$$', 'execution_id.$': '$$', 'execution_input.$': '$$',"
                        + " 'execution_name.$': '$$', 'execution_rolearn.$': '$$', 'execution_starttime.$': '$$', 'state.$': '$$',"
                        + " 'state_enteredtime.$': '$$', 'state_name.$': '$$', 'statemachine.$': '$$', 'statemachine_id.$': '$$',"
                        + " 'statemachine_name.$': '$$'}"))
            .evaluate(scope);
    assertThat(out.properties().stream().map(Map.Entry::getKey).toList())
        .containsExactly(
            "execution", "execution_rolearn", "execution_name", "statemachine_id", "execution_id", "execution_input",
            "execution_starttime", "state_name", "state_enteredtime", "statemachine", "state", "context_object",
            "statemachine_name");
  }

  @Test
  void anIndefinitePathGivesTheArrayOfMatches() {
    assertThat(evaluate("{'ids.$': '$.items[*].id', 'none.$': '$.missing[*]'}")).isEqualTo("{\"ids\":[1,2],\"none\":[]}");
  }

  @Test
  void aDefinitePathThatFindsNothingFailsNamingTheField() {
    // corpus case INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH
    PayloadTemplate t = PayloadTemplate.compile(json("{'outer': {'value.$': '$.no_such_jsonpath'}}"));
    assertThatThrownBy(() -> t.evaluate(scope))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesErrors.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo(
                      "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '"
                          + Json.write(input)
                          + "'");
            });
  }

  @Test
  void intrinsicFailuresPropagate() {
    PayloadTemplate t = PayloadTemplate.compile(json("{'x.$': 'States.ArrayLength($.name)'}"));
    assertThatThrownBy(() -> t.evaluate(scope))
        .isInstanceOf(StatesException.class)
        .hasMessage("States.IntrinsicFailure: Invalid arguments in States.ArrayLength: the argument at position 1 must be an array, but was a string");
  }

  @Test
  void aDollarFieldMustHoldAPathOrCall() {
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'a': {'x.$': 5}}")))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("The value for the field 'x.$' must be a string holding a JSONPath or an intrinsic function call");
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'x.$': 'name'}")))
        .hasMessage(
            "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call:"
                + " 'name' is neither a JSONPath (starting with '$') nor an intrinsic function call");
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'list': [{'x.$': '$.a b'}]}")))
        .hasMessageStartingWith("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call: Invalid JSONPath '$.a b'");
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'x.$': 'States.Nope()'}")))
        .hasMessageContaining("unknown intrinsic function 'States.Nope'");
  }

  @Test
  void twoFieldsMayNotGiveTheSameName() {
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'a': 1, 'a.$': '$.n'}")))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("The field 'a.$' gives the field 'a' a second time");
  }

  @Test
  void nonObjectTemplatesAreLiteral() {
    assertThat(evaluate("'$.name'")).isEqualTo("\"$.name\"");
    assertThat(evaluate("[{'a.$': '$.n'}]")).isEqualTo("[{\"a\":2}]");
  }
}
