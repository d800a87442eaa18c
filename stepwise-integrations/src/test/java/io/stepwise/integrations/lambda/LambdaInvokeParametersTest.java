package io.stepwise.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** lambda:invoke's parameters as Lambda's Invoke takes and checks them, and what the function is handed. */
class LambdaInvokeParametersTest {
  private final AtomicReference<InvokeRequest> seen = new AtomicReference<>();
  private final Engine engine = Engine.builder().region("eu-west-1").account("222222222222")
      .handler(LambdaFunctions.withSystemClockAndRandomIds().target("pay", new LambdaTarget() {
        @Override
        public InvokeResult invoke(InvokeRequest r) {
          seen.set(r);
          return InvokeResult.returned("{\"ok\":true}", null);
        }

        @Override
        public String kind() {
          return "test";
        }

        @Override
        public String target() {
          return "test";
        }
      }).build()).build();

  private ExecutionResult invoke(String parameters) {
    return engine.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":%s,"End":true}}}"""
        .formatted(parameters)), "{}", RunOptions.defaults().withNames("M", "e"));
  }

  @Test
  void everyFormOfFunctionNameReachesTheFunctionWithItsQualifierAndInvokedArn() {
    String[][] forms = {
      {"pay", null, "arn:aws:lambda:eu-west-1:222222222222:function:pay"},
      {"pay:live", "live", "arn:aws:lambda:eu-west-1:222222222222:function:pay:live"},
      {"333333333333:function:pay", null, "arn:aws:lambda:eu-west-1:333333333333:function:pay"},
      {"333333333333:function:pay:7", "7", "arn:aws:lambda:eu-west-1:333333333333:function:pay:7"},
      {"arn:aws:lambda:us-east-2:444444444444:function:pay:$LATEST", "$LATEST", "arn:aws:lambda:us-east-2:444444444444:function:pay:$LATEST"},
    };
    for (String[] f : forms) {
      ExecutionResult r = invoke("{\"FunctionName\":\"" + f[0] + "\"}");
      assertThat(r.output().get("Payload")).as(f[0]).isEqualTo(Json.NODES.objectNode().put("ok", true));
      assertThat(seen.get().functionName()).as(f[0]).isEqualTo("pay");
      assertThat(seen.get().qualifier()).as(f[0]).isEqualTo(f[1]);
      assertThat(seen.get().invokedArn()).as(f[0]).isEqualTo(f[2]);
    }
    invoke("{\"FunctionName\":\"pay\",\"Qualifier\":\"live\"}");
    assertThat(seen.get().invokedArn()).endsWith(":function:pay:live");
  }

  @Test
  void theInvocationTypeLogTypeAndClientContextAreHandedOn() {
    String cc = Base64.getEncoder().encodeToString("{\"custom\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8));
    invoke("{\"FunctionName\":\"pay\",\"InvocationType\":\"Event\",\"LogType\":\"Tail\",\"ClientContext\":\"" + cc + "\",\"Payload\":\"[1]\"}");
    InvokeRequest r = seen.get();
    assertThat(r.type().wire()).isEqualTo("Event");
    assertThat(r.tailLog()).isTrue();
    assertThat(r.clientContextJson()).isEqualTo(Json.NODES.objectNode().set("custom", Json.NODES.objectNode().put("a", 1)));
    assertThat(r.payload()).isEqualTo("[1]");
  }

  @Test
  void valuesLambdaRefusesFailTheTaskWithItsErrors() {
    assertRefused("{\"FunctionName\":\"pay:live\",\"Qualifier\":\"prod\"}", "Lambda.InvalidParameterValueException",
        "The derived qualifier from the function name does not match the specified qualifier. (Service: AWSLambda; Status Code: 400;"
            + " Error Code: InvalidParameterValueException;");
    assertRefused("{\"FunctionName\":\"pay\",\"InvocationType\":\"Later\"}", "Lambda.ValidationException",
        "1 validation error detected: Value 'Later' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [Event, RequestResponse, DryRun] (Service: AWSLambda; Status Code: 400; Error Code: ValidationException;");
    assertRefused("{\"FunctionName\":\"pay\",\"LogType\":\"All\"}", "Lambda.ValidationException",
        "1 validation error detected: Value 'All' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]");
    assertRefused("{\"FunctionName\":\"pay\",\"ClientContext\":\"not base64!\"}", "Lambda.InvalidRequestContentException",
        "Client context must be a valid Base64-encoded JSON object.");
    assertRefused("{\"FunctionName\":\"pay me\"}", "Lambda.ValidationException",
        "1 validation error detected: Value 'pay me' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression");
    assertRefused("{\"Payload\":{}}", "Lambda.ValidationException",
        "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null");
    assertThat(seen.get()).as("no refused call reached the function").isNull();
  }

  private void assertRefused(String parameters, String error, String causeStart) {
    ExecutionResult r = invoke(parameters);
    assertThat(r.error()).as(parameters).isEqualTo(error);
    assertThat(r.cause()).as(parameters).startsWith(causeStart);
  }

  @Test
  void aDryRunIs204AndAnEventIs202InTheEnvelopeOfALocalFunction() {
    Engine java = Engine.builder().handler(LambdaFunctions.withSystemClockAndRandomIds().function("echo", e -> e).build()).build();
    JsonNode dry = java.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"echo","InvocationType":"DryRun"},"End":true}}}"""), "{}",
        RunOptions.defaults().withNames("M", "e")).output();
    assertThat(dry.get("StatusCode").asInt()).isEqualTo(204);
    assertThat(dry.get("Payload").asText()).isEmpty();
  }
}
