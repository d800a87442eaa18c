package io.stepwise.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Lambda as a state machine reaches it, through an engine: both resource styles, the response, failures. */
class LambdaFunctionsTest {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
  static final String FN_ARN = "arn:aws:lambda:eu-west-1:222222222222:function:pay";

  /** Request ids 0f8fad5b-...-000000000001, -000000000002, ... in the order drawn. */
  private static Supplier<UUID> ids() {
    AtomicInteger n = new AtomicInteger();
    return () -> UUID.fromString("0f8fad5b-d9cb-469f-a165-%012d".formatted(n.incrementAndGet()));
  }

  private static Engine engine(LambdaFunctions.Builder lambdas) {
    return Engine.builder().clock(CLOCK).fastTime(true).region("eu-west-1").account("222222222222")
        .handler(lambdas.build()).build();
  }

  private static LambdaFunctions.Builder lambdas() {
    return LambdaFunctions.builder(CLOCK, ids());
  }

  private static ExecutionResult run(Engine engine, String states, String input) {
    return engine.run(StateMachineParser.parse("{\"StartAt\":\"T\",\"States\":{\"T\":" + states + "}}"), input,
        RunOptions.defaults().withNames("Machine", "run-1"));
  }

  private static String invoke(String parameters) {
    return "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":" + parameters + ",\"End\":true}";
  }

  private static List<EventType> types(ExecutionResult r) {
    return r.events().stream().map(HistoryEvent::type).toList();
  }

  @Test
  void handlesLambdaFunctionArnsAndLambdaInvokeWithAnyPatternWhetherOrNotAFunctionIsRegistered() {
    LambdaFunctions none = lambdas().build();
    TaskRequest req = new TaskRequest("", Json.NODES.objectNode(), "T", null, null, null);
    for (String arn : List.of(FN_ARN, FN_ARN + ":prod", "arn:aws:states:::lambda:invoke", "arn:aws:states:::lambda:invoke.waitForTaskToken")) {
      assertThat(none.handles(ResourceArn.of(arn), req)).as(arn).isTrue();
    }
    for (String arn : List.of("arn:aws:states:::sqs:sendMessage", "arn:aws:states:::aws-sdk:lambda:listFunctions",
        "arn:aws:states:eu-west-1:222222222222:activity:a")) {
      assertThat(none.handles(ResourceArn.of(arn), req)).as(arn).isFalse();
    }
  }

  @Test
  void aLambdaArnTaskGetsTheFunctionsResultAsItIsAndRecordsLambdaEvents() throws Exception {
    AtomicReference<JsonNode> event = new AtomicReference<>();
    Engine engine = engine(lambdas().function("pay", e -> {
      event.set(e);
      return Json.parse("{\"paid\":true}");
    }));
    ExecutionResult r = run(engine, "{\"Type\":\"Task\",\"Resource\":\"" + FN_ARN + "\",\"End\":true}", "{\"amount\":5}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"paid\":true}"));
    assertThat(event.get()).isEqualTo(Json.parse("{\"amount\":5}"));
    assertThat(types(r)).contains(EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted, EventType.LambdaFunctionSucceeded);
  }

  @Test
  void lambdaInvokeWrapsTheResultInLambdasWholeResponse() throws Exception {
    Engine engine = engine(lambdas().function(FN_ARN, e -> Json.parse("{\"paid\":true,\"name\":\"Zoë\"}")));
    ExecutionResult r = run(engine, invoke("{\"FunctionName\":\"" + FN_ARN + "\",\"Payload.$\":\"$\"}"), "{}");
    assertThat(Json.write(r.output())).isEqualTo(Json.write(Json.parse("""
        {"ExecutedVersion":"$LATEST",
         "Payload":{"paid":true,"name":"Zoë"},
         "SdkHttpMetadata":{
           "AllHttpHeaders":{
             "X-Amz-Executed-Version":["$LATEST"],
             "x-amzn-Remapped-Content-Length":["0"],
             "Connection":["keep-alive"],
             "x-amzn-RequestId":["0f8fad5b-d9cb-469f-a165-000000000001"],
             "Content-Length":["34"],
             "Date":["Thu, 1 Jan 2026 00:00:00 GMT"],
             "X-Amzn-Trace-Id":["Root=1-6955b900-0f8fad5bd9cb469fa1650000"],
             "Content-Type":["application/json"]},
           "HttpHeaders":{
             "Connection":"keep-alive",
             "Content-Length":"34",
             "Content-Type":"application/json",
             "Date":"Thu, 1 Jan 2026 00:00:00 GMT",
             "X-Amz-Executed-Version":"$LATEST",
             "x-amzn-Remapped-Content-Length":"0",
             "x-amzn-RequestId":"0f8fad5b-d9cb-469f-a165-000000000001",
             "X-Amzn-Trace-Id":"Root=1-6955b900-0f8fad5bd9cb469fa1650000"},
           "HttpStatusCode":200},
         "SdkResponseMetadata":{"RequestId":"0f8fad5b-d9cb-469f-a165-000000000001"},
         "StatusCode":200}
        """)));
    assertThat(types(r)).contains(EventType.TaskScheduled, EventType.TaskSucceeded); // an integration, not a Lambda ARN
  }

  @Test
  void logTypeTailAddsTheInvocationsLogUnderItsOwnRequestId() throws Exception {
    Engine engine = engine(lambdas().function("pay", e -> Json.NODES.nullNode()));
    JsonNode out = run(engine, invoke("{\"FunctionName\":\"pay\",\"LogType\":\"Tail\"}"), "{}").output();
    String log = new String(Base64.getDecoder().decode(out.get("LogResult").asText()), StandardCharsets.UTF_8);
    assertThat(log).startsWith("START RequestId: 0f8fad5b-d9cb-469f-a165-000000000001 Version: $LATEST\n"
        + "END RequestId: 0f8fad5b-d9cb-469f-a165-000000000001\nREPORT RequestId: 0f8fad5b-d9cb-469f-a165-000000000001\tDuration: ");
    assertThat(out.get("SdkResponseMetadata").get("RequestId").asText()).isEqualTo("0f8fad5b-d9cb-469f-a165-000000000001");
    assertThat(out.get("Payload").isNull()).isTrue();
    assertThat(out.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").asText()).isEqualTo("4");
  }

  @Test
  void aTextPayloadIsTheRequestBodySoJsonTextArrivesParsedAndANullOrMissingOneAsAnEmptyObject() throws Exception {
    AtomicReference<JsonNode> event = new AtomicReference<>();
    Engine engine = engine(lambdas().function("echo", e -> {
      event.set(e);
      return e;
    }));
    String[][] cases = {
      {"{\"FunctionName\":\"echo\",\"Payload\":\"0\"}", "0"},
      {"{\"FunctionName\":\"echo\",\"Payload\":\"{\\\"a\\\":[1]}\"}", "{\"a\":[1]}"},
      {"{\"FunctionName\":\"echo\",\"Payload\":\"not json\"}", "\"not json\""},
      {"{\"FunctionName\":\"echo\",\"Payload\":null}", "{}"},
      {"{\"FunctionName\":\"echo\"}", "{}"},
      {"{\"FunctionName\":\"echo\",\"Payload\":[true]}", "[true]"},
    };
    for (String[] c : cases) {
      ExecutionResult r = run(engine, invoke(c[0]), "{}");
      assertThat(event.get()).as(c[0]).isEqualTo(Json.parse(c[1]));
      assertThat(r.output().get("Payload")).as(c[0]).isEqualTo(Json.parse(c[1]));
    }
  }

  @Test
  void lambdaInvokePassesAFunctionsErrorPayloadOnCompactlyALambdaArnTaskAsItIs() {
    String pretty = "{\"errorMessage\": \"no\", \"errorType\": \"CustomException\", \"stackTrace\": []}";
    Engine engine = engine(lambdas()
        .function("pay", e -> {
          throw new TaskFailure("CustomException", pretty);
        })
        .function("plain", e -> {
          throw new TaskFailure("Exception", "{not json");
        }));
    ExecutionResult viaInvoke = run(engine, invoke("{\"FunctionName\":\"pay\"}"), "{}");
    assertThat(viaInvoke.error()).isEqualTo("CustomException");
    assertThat(viaInvoke.cause()).isEqualTo("{\"errorMessage\":\"no\",\"errorType\":\"CustomException\",\"stackTrace\":[]}");
    ExecutionResult direct = run(engine, "{\"Type\":\"Task\",\"Resource\":\"" + FN_ARN + "\",\"End\":true}", "{}");
    assertThat(direct.cause()).isEqualTo(pretty);
    assertThat(run(engine, invoke("{\"FunctionName\":\"plain\"}"), "{}").cause()).isEqualTo("{not json");
  }

  @Test
  void anUnknownFunctionFailsWithResourceNotFoundInTheExecutionsRegionAndAccount() {
    Engine engine = engine(lambdas().function("pay", e -> e));
    ExecutionResult r = run(engine, invoke("{\"FunctionName\":\"refund\"}"), "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(r.cause()).isEqualTo("Function not found: arn:aws:lambda:eu-west-1:222222222222:function:refund:$LATEST"
        + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;"
        + " Request ID: 0f8fad5b-d9cb-469f-a165-000000000001; Proxy: null)");
    String other = "arn:aws:lambda:us-east-2:333333333333:function:refund";
    ExecutionResult direct = run(engine, "{\"Type\":\"Task\",\"Resource\":\"" + other + "\",\"End\":true}", "{}");
    assertThat(direct.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(direct.cause()).startsWith("Function not found: " + other + ":$LATEST (Service: AWSLambda;");
  }

  @Test
  void anyFunctionServesWhatNothingElseMatches() {
    Engine engine = engine(lambdas().function("*", e -> Json.NODES.textNode("any")).function("pay", e -> Json.NODES.textNode("pay")));
    assertThat(run(engine, invoke("{\"FunctionName\":\"refund\"}"), "{}").output().get("Payload").asText()).isEqualTo("any");
    assertThat(run(engine, invoke("{\"FunctionName\":\"" + FN_ARN + ":prod\"}"), "{}").output().get("Payload").asText()).isEqualTo("pay");
  }

  @Test
  void aFunctionAnsweringACallbackGivesItsOwnResultWithoutLambdasEnvelope() {
    Engine engine = engine(lambdas().function("courier", e -> Json.NODES.objectNode().put("token", e.get("token").asText())));
    ExecutionResult r = run(engine, """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
         "Parameters":{"FunctionName":"courier","Payload":{"token.$":"$$.Task.Token"}},"End":true}""", "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().fieldNames()).toIterable().containsExactly("token");
    assertThat(r.output().get("token").asText()).startsWith("token-");
  }

  @Test
  void theSystemClockAndRandomIdsGiveEachInvocationItsOwnRequestId() {
    Engine engine = Engine.builder().fastTime(true)
        .handler(LambdaFunctions.withSystemClockAndRandomIds().function("pay", e -> e).build()).build();
    JsonNode a = run(engine, invoke("{\"FunctionName\":\"pay\"}"), "{}").output();
    JsonNode b = run(engine, invoke("{\"FunctionName\":\"pay\"}"), "{}").output();
    String id = a.get("SdkResponseMetadata").get("RequestId").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(b.get("SdkResponseMetadata").get("RequestId").asText()).isNotEqualTo(id);
    assertThat(a.get("SdkHttpMetadata").get("HttpHeaders").get("Date").asText()).endsWith(" GMT");
  }
}
