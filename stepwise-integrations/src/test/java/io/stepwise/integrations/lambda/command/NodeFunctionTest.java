package io.stepwise.integrations.lambda.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Node.js helper speaks the same protocol: a result, and an error as Node's runtime reports it. */
class NodeFunctionTest {
  @TempDir Path dir;

  private static boolean nodeInstalled() {
    try {
      return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void anAsyncHandlerAnswersAndItsThrownErrorIsTheFunctionsError() throws Exception {
    assumeTrue(nodeInstalled(), "node is not on the PATH: the Node.js helper is not tested here");
    Files.writeString(dir.resolve("greet.js"), """
        let calls = 0;
        exports.handler = async (event, context) => {
          calls += 1;
          console.log('to stderr, not the protocol');
          if (!event.name) throw new TypeError('no name');
          return { hi: event.name, calls, id: context.awsRequestId };
        };
        """);
    Runtimes.extract(Runtimes.NODE, dir);
    try (CommandTarget t = new CommandTarget(new FunctionSpec.Command("greet", "node", List.of("stepwise_lambda.js", "greet.handler"),
        Map.of(), dir, 1, Duration.ofSeconds(10), 128), Map.of())) {
      InvokeResult ok = t.invoke(InvokeRequest.of("greet", "greet", "arn", null, Json.parse("{\"name\":\"Ada\"}"), "r1"));
      assertThat(ok.value()).isEqualTo(Json.parse("{\"hi\":\"Ada\",\"calls\":1,\"id\":\"r1\"}"));
      InvokeResult failed = t.invoke(InvokeRequest.of("greet", "greet", "arn", null, Json.parse("{}"), "r2"));
      assertThat(failed.functionError()).isEqualTo("Unhandled");
      assertThat(Json.parse(failed.payloadText()).get("errorType").asText()).isEqualTo("TypeError");
      assertThat(Json.parse(failed.payloadText()).get("errorMessage").asText()).isEqualTo("no name");
    }
  }
}
