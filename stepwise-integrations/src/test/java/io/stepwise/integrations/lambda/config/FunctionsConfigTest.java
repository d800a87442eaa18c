package io.stepwise.integrations.lambda.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions: section, read and checked, every problem named by its key's path. */
class FunctionsConfigTest {
  static final Path DIR = Path.of("/srv/app");

  private static List<FunctionSpec> read(String json) throws Exception {
    return FunctionsConfig.read(Json.parse(json), DIR);
  }

  private static void refused(String json, String message) {
    JsonNode n;
    try {
      n = Json.parse(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> FunctionsConfig.read(n, DIR)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void eachKindIsReadWithItsDefaultsAndPathsFromTheFilesFolder() throws Exception {
    List<FunctionSpec> specs = read("""
        {"pay":{"command":"python3","args":["stepwise_lambda.py","pay.handler"],"env":{"CURRENCY":"EUR","N":2},"workdir":"fns"},
         "quote":{"url":"http://127.0.0.1:9000/q","timeout":1.5},
         "charge":{"aws":"arn:aws:lambda:eu-west-1:123456789012:function:charge:live"}}""");
    assertThat(specs).containsExactly(
        new FunctionSpec.Command("pay", "python3", List.of("stepwise_lambda.py", "pay.handler"), Map.of("CURRENCY", "EUR", "N", "2"),
            Path.of("/srv/app/fns"), 1, Duration.ofSeconds(3), 128),
        new FunctionSpec.Url("quote", java.net.URI.create("http://127.0.0.1:9000/q"), Duration.ofMillis(1500), 128),
        new FunctionSpec.Aws("charge", "arn:aws:lambda:eu-west-1:123456789012:function:charge:live", null));
    assertThat(read("null")).isEmpty();
  }

  @Test
  void badSettingsAreRefusedNamingTheKeysPath() {
    refused("[1]", "functions: must be a map of function name to its settings (command, url or aws), not a list");
    refused("{\"pay me\":{\"command\":\"x\"}}", "functions.pay me: 'pay me' is not a Lambda function name (1 to 64 letters, digits, - and _)");
    refused("{\"pay\":\"python3\"}", "functions.pay: must be a map with one of command, url or aws, not the string 'python3'");
    refused("{\"pay\":{}}", "functions.pay: needs one of command (a local program), url (an HTTP endpoint) or aws (a real Lambda function)");
    refused("{\"pay\":{\"command\":\"x\",\"url\":\"http://a\"}}", "functions.pay: has command and url: give only one of command, url or aws");
    refused("{\"pay\":{\"command\":[\"python3\"]}}", "functions.pay.command: must be a non-empty string, not a list");
    refused("{\"pay\":{\"command\":\"x\",\"args\":\"a b\"}}", "functions.pay.args: must be a list of strings, not the string 'a b'");
    refused("{\"pay\":{\"command\":\"x\",\"args\":[{}]}}", "functions.pay.args[0]: must be a string, not a map");
    refused("{\"pay\":{\"command\":\"x\",\"env\":{\"A\":null}}}", "functions.pay.env.A: must be a string, not nothing");
    refused("{\"pay\":{\"command\":\"x\",\"concurrency\":0}}", "functions.pay.concurrency: must be a whole number from 1 to 1000, not the number 0");
    refused("{\"pay\":{\"command\":\"x\",\"timeout\":901}}",
        "functions.pay.timeout: must be a number of seconds above 0 and at most 900 (Lambda's limit), not the number 901");
    refused("{\"pay\":{\"command\":\"x\",\"url\":1,\"aws\":2}}", "functions.pay: has command and url and aws: give only one of command, url or aws");
    refused("{\"pay\":{\"command\":\"x\",\"region\":\"eu-west-1\"}}",
        "functions.pay.region: unknown key for a command function (known: command, args, env, workdir, concurrency, timeout, memory)");
    refused("{\"q\":{\"url\":\"ftp://host/x\"}}", "functions.q.url: 'ftp://host/x' is not an http(s) URL with a host");
    refused("{\"c\":{\"aws\":\"not an arn!\"}}", "functions.c.aws: 'not an arn!' is not a Lambda function name or ARN");
  }
}
