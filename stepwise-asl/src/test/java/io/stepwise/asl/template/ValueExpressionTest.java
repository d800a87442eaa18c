package io.stepwise.asl.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.expr.ValueExpression;
import io.stepwise.asl.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueExpressionTest {
  private final JsonNode input = PayloadTemplateTest.json("{'int-literal': 0, 'Error': 'Boom'}");
  private final JsonNode context = PayloadTemplateTest.json("{'Execution': {'Input': {'int-literal': 0}}}");
  private final Map<String, JsonNode> variables = Map.of("status", Json.NODES.textNode("DONE"));
  private final Scope scope = Scope.of(input, context, variables, java.util.concurrent.ThreadLocalRandom.current());

  @Test
  void pathsReadInputContextAndVariables() {
    assertThat(ValueExpression.compile("$.Error").evaluate(scope, "ErrorPath").textValue()).isEqualTo("Boom");
    assertThat(ValueExpression.compile("$$.Execution.Input.int-literal").evaluate(scope, "v.$").intValue()).isZero();
    assertThat(ValueExpression.compile("$status").evaluate(scope, "v.$").textValue()).isEqualTo("DONE");
    assertThat(ValueExpression.compile("States.Format('{}!', $status)").evaluate(scope, "v.$").textValue()).isEqualTo("DONE!");
    assertThat(ValueExpression.compile("$.Error").text()).isEqualTo("$.Error");
    assertThat(ValueExpression.compile("States.UUID()").text()).isEqualTo("States.UUID()");
  }

  @Test
  void missingValuesNameTheFieldAndPrintTheInput() {
    // corpus cases test_invalid_jsonpath: ErrorPath, CausePath and a context path in Parameters
    assertThatThrownBy(() -> ValueExpression.compile("$.ErrorX").evaluate(scope, "ErrorPath"))
        .isInstanceOf(StatesException.class)
        .hasMessage("States.Runtime: The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"int-literal\":0,\"Error\":\"Boom\"}'");
    assertThatThrownBy(() -> ValueExpression.compile("$$.Execution.Input.no_such_jsonpath").evaluate(scope, "value.$"))
        .hasMessage(
            "States.Runtime: The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0,\"Error\":\"Boom\"}'");
    assertThatThrownBy(() -> ValueExpression.compile("$undefined").evaluate(scope, "v.$"))
        .hasMessageContaining("The JSONPath '$undefined' specified for the field 'v.$' could not be found");
  }

  @Test
  void anythingElseIsASyntaxError() {
    assertThatThrownBy(() -> ValueExpression.compile("{% $x %}"))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("'{% $x %}' is neither a JSONPath (starting with '$') nor an intrinsic function call");
    assertThatThrownBy(() -> ValueExpression.compile("States.Format(")).isInstanceOf(ExpressionSyntaxException.class);
  }
}
