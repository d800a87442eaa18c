package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

/** Values nested deeper than JSON may be (1000 levels) end the execution with a States error, never an exception. */
class DeepValuesTest {
  /** Each pass wraps the input one level deeper, until $.n reaches the count. */
  private static String grow(int levels, String last) {
    return """
        {"StartAt":"Grow","States":{
          "Grow":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)","a.$":"$"},"Next":"More"},
          "More":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":%d,"Next":"Grow"}],"Default":"Last"},
          "Last":%s}}
        """.formatted(levels, last);
  }

  private static ExecutionResult run(Engine engine, String definition) {
    return engine.run(Fixtures.machine(definition), "{\"n\":0}", Fixtures.options());
  }

  private static JsonNode nested(int levels) {
    ObjectNode top = Json.NODES.objectNode();
    ObjectNode o = top;
    for (int i = 1; i < levels; i++) {
      o = o.putObject("a");
    }
    return top;
  }

  @Test
  void aStateOutputNestedTooDeepFailsTheExecution() {
    ExecutionResult r = run(Fixtures.engine().build(), grow(1100, "{\"Type\":\"Pass\",\"End\":true}"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).isEqualTo("The state 'Grow' produced an output nested more than 1000 levels deep, deeper than a JSON value may be nested.");
    // everything recorded can be written out
    assertThat(Json.write(r.historyJson())).isNotEmpty();
  }

  @Test
  void outputsJustWithinTheDepthSucceed() {
    ExecutionResult r = run(Fixtures.engine().build(), grow(998, "{\"Type\":\"Pass\",\"End\":true}"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output())).isNotEmpty();
  }

  @Test
  void aTaskResultNestedTooDeepFailsTheTask() {
    Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:my:deep", req -> nested(1001)).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:deep","End":true}}}
        """);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("The task 'T' returned a result nested more than 1000 levels deep");
  }

  @Test
  void jsonToStringOfAValueTooDeepIsAnIntrinsicFailure() {
    ExecutionResult r = run(Fixtures.engine().build(), grow(999,
        "{\"Type\":\"Pass\",\"Parameters\":{\"s.$\":\"States.JsonToString(States.Array($))\"},\"End\":true}"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(r.cause()).contains("nested more than 1000 levels deep");
  }

  @Test
  void aVariableTooDeepFailsTheState() {
    ExecutionResult r = run(Fixtures.engine().build(), grow(999,
        "{\"Type\":\"Pass\",\"Assign\":{\"v.$\":\"States.Array(States.Array($))\"},\"End\":true}"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("The variable 'v' was assigned a value nested more than 1000 levels deep");
  }
}
