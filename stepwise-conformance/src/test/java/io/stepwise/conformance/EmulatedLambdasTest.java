package io.stepwise.conformance;

import static io.stepwise.conformance.NormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.LambdaFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatedLambdasTest {
  private static final String UUID_RX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static JsonNode call(String handler, String event) throws Exception {
    return EmulatedLambdas.forHandler(handler).handle(json(event));
  }

  @Test
  void echoAndIdentity() throws Exception {
    assertThat(call("echo_function", "{\"x\": 1}")).isEqualTo(json("{\"Return\": \"HelloWorld\"}"));
    assertThat(call("id_function", "{\"x\": [1, {\"y\": null}]}")).isEqualTo(json("{\"x\": [1, {\"y\": null}]}"));
    assertThat(call("id_function", "null").isNull()).isTrue();
  }

  @Test
  void raiseExceptionFailsWithThePythonRuntimesErrorPayload() {
    assertThatThrownBy(() -> call("raise_exception", "{}"))
        .isInstanceOfSatisfying(
            TaskFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("Exception");
              assertThat(f.cause())
                  .matches(
                      "\\Q{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\", \"requestId\": \"\\E"
                          + UUID_RX
                          + "\\Q\", \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\", line 2, in handler\\n"
                          + "    raise Exception(\\\"Some exception was raised.\\\")\\n\"]}\\E");
            });
  }

  @Test
  void raiseCustomExceptionHasAnEmptyMessage() {
    LambdaFunction fn = EmulatedLambdas.forHandler("raise_custom_exception", Duration.ZERO, () -> "RID");
    assertThatThrownBy(() -> fn.handle(json("{}")))
        .isInstanceOfSatisfying(
            TaskFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("CustomException");
              assertThat(f.cause())
                  .isEqualTo(
                      "{\"errorMessage\": \"\", \"errorType\": \"CustomException\", \"requestId\": \"RID\", \"stackTrace\": "
                          + "[\"  File \\\"/var/task/handler.py\\\", line 9, in handler\\n    raise CustomException()\\n\"]}");
            });
  }

  @Test
  void bytesAndDecoratedAndLargeOutputs() throws Exception {
    assertThat(call("return_bytes_str", "{}")).isEqualTo(json("\"HelloWorld!\""));
    assertThat(call("return_decorated_input", "[\"string-literal\"]")).isEqualTo(json("\"input-event-['string-literal']\""));
    assertThat(call("return_decorated_input", "{\"a\": true, \"b\": null}")).isEqualTo(json("\"input-event-{'a': True, 'b': None}\""));
    assertThat(call("return_decorated_input", "null")).isEqualTo(json("\"input-event-None\""));
    JsonNode big = call("large_output_string", "null");
    assertThat(big.textValue()).hasSize(257 * 1024).matches("a+");
  }

  @Test
  void waitReturnsTheEventAfterItsDelay() throws Exception {
    LambdaFunction fn = EmulatedLambdas.forHandler("wait_60_seconds", Duration.ofMillis(50), () -> "r");
    long t0 = System.nanoTime();
    assertThat(fn.handle(json("{\"Payload\": null}"))).isEqualTo(json("{\"Payload\": null}"));
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(45);
  }

  @Test
  void unknownHandler() {
    assertThat(EmulatedLambdas.forHandler("nope")).isNull();
    assertThat(EmulatedLambdas.HANDLERS).hasSize(8).allSatisfy(h -> assertThat(EmulatedLambdas.forHandler(h)).isNotNull());
  }

  private static ConformanceCase withLambdas(Map<String, ConformanceCase.LambdaRef> lambdas, List<String> needs) {
    return new ConformanceCase(
        "c", Path.of("c"), "{}", "{}", "SUCCEEDED", null, true, null, null, null, needs,
        new ConformanceCase.Names("sm", "ex", "role", "111111111111", "us-east-1"),
        "STANDARD", "StartExecution", List.of("history"), false, false, List.of(), "", List.of(), lambdas, true);
  }

  @Test
  void aCaseRegistersEachFunctionByNameAndArnWithItsHandler() throws Exception {
    var c =
        withLambdas(
            Map.of(
                "fn1", new ConformanceCase.LambdaRef("fn1", "arn:aws:lambda:us-east-1:111111111111:function:fn1", "id_function"),
                "fn2", new ConformanceCase.LambdaRef("fn2", "arn:aws:lambda:us-east-1:111111111111:function:fn2", "return_decorated_input")),
            List.of("lambda:id_function", "lambda:return_decorated_input"));
    Map<String, LambdaFunction> m = EmulatedLambdas.forCase(c, Duration.ZERO);
    assertThat(m).containsOnlyKeys("fn1", "fn2", "arn:aws:lambda:us-east-1:111111111111:function:fn1", "arn:aws:lambda:us-east-1:111111111111:function:fn2");
    assertThat(m.get("fn2").handle(json("[1]"))).isEqualTo(json("\"input-event-[1]\""));
    assertThat(m.get("arn:aws:lambda:us-east-1:111111111111:function:fn1").handle(json("[1]"))).isEqualTo(json("[1]"));
  }

  @Test
  void aCaseThatOnlyListsOneNeedGetsItForEveryFunction() {
    Map<String, LambdaFunction> m = EmulatedLambdas.forCase(withLambdas(Map.of(), List.of("lambda:echo_function")), Duration.ZERO);
    assertThat(m).containsOnlyKeys("*");
    assertThat(EmulatedLambdas.forCase(withLambdas(Map.of(), List.of()), Duration.ZERO)).isEmpty();
  }
}
