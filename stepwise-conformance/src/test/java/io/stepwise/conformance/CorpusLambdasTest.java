package io.stepwise.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus's handler files run by python3 as AWS deployed them, and a case's functions mapped to them. */
class CorpusLambdasTest {
  @TempDir Path root;

  private static InvokeResult call(LambdaTarget t, String event) throws Exception {
    return t.invoke(InvokeRequest.of("f", "f", "arn:aws:lambda:us-east-1:111111111111:function:f", null, Json.parse(event), "rid-1"));
  }

  @Test
  void aHandlerRunsAsHandlerPyWithoutTheCorpussProvenanceLineAndRaisesAsLambdasPythonRuntime() throws Exception {
    Path lambdas = Files.createDirectories(root.resolve("lambdas"));
    Files.writeString(lambdas.resolve("raise_exception.py"),
        "# source: somewhere (Apache-2.0)\ndef handler(event, context):\n    raise Exception(\"Some exception was raised.\")\n");
    Files.writeString(lambdas.resolve("return_bytes_str.py"), "# source: x\ndef handler(event, context):\n    return b'\"HelloWorld!\"'\n");
    try (CorpusLambdas corpus = new CorpusLambdas(lambdas, Duration.ofSeconds(10), 1)) {
      InvokeResult failed = call(corpus.forHandler("raise_exception"), "{}");
      assertThat(failed.functionError()).isEqualTo("Unhandled");
      assertThat(failed.payloadText()).isEqualTo("{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\","
          + " \"requestId\": \"rid-1\", \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\", line 2, in handler\\n"
          + "    raise Exception(\\\"Some exception was raised.\\\")\\n\"]}");
      InvokeResult bytes = call(corpus.forHandler("return_bytes_str"), "{}");
      assertThat(bytes.value()).isEqualTo(Json.NODES.textNode("HelloWorld!"));
      assertThat(corpus.forHandler("no_such_handler")).isNull();
    }
  }

  @Test
  void aCasesFunctionsAreItsNamesAndArnsOrAnyForASingleNeed() throws Exception {
    Path lambdas = Files.createDirectories(root.resolve("lambdas"));
    Files.writeString(lambdas.resolve("id_function.py"), "def handler(event, context):\n    return event\n");
    try (CorpusLambdas corpus = new CorpusLambdas(lambdas, Duration.ofSeconds(10), 1)) {
      Map<String, LambdaTarget> m = corpus.forCase(withLambdas(
          Map.of("fn1", new ConformanceCase.LambdaRef("fn1", "arn:aws:lambda:us-east-1:111111111111:function:fn1", "id_function")), List.of()));
      assertThat(m.keySet()).containsExactly("fn1", "arn:aws:lambda:us-east-1:111111111111:function:fn1");
      JsonNode echoed = call(m.get("fn1"), "{\"a\":[1]}").value();
      assertThat(echoed).isEqualTo(Json.parse("{\"a\":[1]}"));
      assertThat(corpus.forCase(withLambdas(Map.of(), List.of("lambda:id_function"))).keySet()).containsExactly("*");
      assertThat(corpus.forCase(withLambdas(Map.of(), List.of()))).isEmpty();
      assertThatThrownBy(() -> corpus.forCase(withLambdas(Map.of(), List.of("lambda:missing"))))
          .hasMessageContaining("lambdas/missing.py");
    }
  }

  private static ConformanceCase withLambdas(Map<String, ConformanceCase.LambdaRef> lambdas, List<String> needs) {
    return new ConformanceCase("c", null, "{}", "{}", "SUCCEEDED", null, null, null, null, null, needs,
        new ConformanceCase.Names("M", "e", "r", "111111111111", "us-east-1"), "STANDARD", "StartExecution", List.of(), false, false,
        List.of(), "x", List.of(), lambdas, true);
  }
}
