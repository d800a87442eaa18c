package io.stepwise.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.TailLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lambda's Invoke response around a payload, field for field and in AWS's order. */
class InvokeResponseTest {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z"); // 0x6955b900 seconds
  static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  @Test
  void theEnvelopeHoldsThePayloadWithItsPythonLengthTheTimeAndTheRequestId() throws Exception {
    String payload = "{\"paid\":true,\"name\":\"Zoë\",\"items\":[1,2.5,null]}"; // json.dumps: 59 characters
    assertThat(Json.write(InvokeResponse.of(InvokeResult.returnedValue(Json.parse(payload), null), ID.toString(), AT))).isEqualTo(Json.write(Json.parse("""
        {"ExecutedVersion":"$LATEST",
         "Payload":%s,
         "SdkHttpMetadata":{
           "AllHttpHeaders":{
             "X-Amz-Executed-Version":["$LATEST"],
             "x-amzn-Remapped-Content-Length":["0"],
             "Connection":["keep-alive"],
             "x-amzn-RequestId":["0f8fad5b-d9cb-469f-a165-70867728950e"],
             "Content-Length":["59"],
             "Date":["Thu, 1 Jan 2026 00:00:00 GMT"],
             "X-Amzn-Trace-Id":["Root=1-6955b900-0f8fad5bd9cb469fa1657086"],
             "Content-Type":["application/json"]},
           "HttpHeaders":{
             "Connection":"keep-alive",
             "Content-Length":"59",
             "Content-Type":"application/json",
             "Date":"Thu, 1 Jan 2026 00:00:00 GMT",
             "X-Amz-Executed-Version":"$LATEST",
             "x-amzn-Remapped-Content-Length":"0",
             "x-amzn-RequestId":"0f8fad5b-d9cb-469f-a165-70867728950e",
             "X-Amzn-Trace-Id":"Root=1-6955b900-0f8fad5bd9cb469fa1657086"},
           "HttpStatusCode":200},
         "SdkResponseMetadata":{"RequestId":"0f8fad5b-d9cb-469f-a165-70867728950e"},
         "StatusCode":200}
        """.formatted(payload))));
  }

  @Test
  void aLogTailGoesAfterTheVersionAndIntoBothHeaderLists() throws Exception {
    var o = InvokeResponse.of(InvokeResult.returnedValue(Json.NODES.textNode("HelloWorld!"), "TAIL"), ID.toString(), AT);
    assertThat(o.fieldNames()).toIterable()
        .containsExactly("ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
    assertThat(o.get("LogResult").asText()).isEqualTo("TAIL");
    var all = o.get("SdkHttpMetadata").get("AllHttpHeaders");
    assertThat(all.fieldNames().next()).isEqualTo("X-Amz-Log-Result");
    assertThat(all.get("X-Amz-Log-Result")).isEqualTo(Json.parse("[\"TAIL\"]"));
    assertThat(all.get("Content-Length")).isEqualTo(Json.parse("[\"13\"]")); // "HelloWorld!" with its quotes
    var h = o.get("SdkHttpMetadata").get("HttpHeaders");
    assertThat(h.fieldNames()).toIterable()
        .containsExactly("Connection", "Content-Length", "Content-Type", "Date", "X-Amz-Executed-Version",
            "X-Amz-Log-Result", "x-amzn-Remapped-Content-Length", "x-amzn-RequestId", "X-Amzn-Trace-Id");
  }

  @Test
  void aPayloadSentAsTextKeepsItsOwnLengthAndTheVersionThatRan() {
    var o = InvokeResponse.of(new InvokeResult(200, "7", null, "{\"a\": \"\u00e9\"}", null, null), ID.toString(), AT);
    assertThat(o.get("ExecutedVersion").asText()).isEqualTo("7");
    assertThat(o.get("Payload")).isEqualTo(Json.NODES.objectNode().put("a", "\u00e9"));
    assertThat(o.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").asText()).isEqualTo("11"); // UTF-8 bytes as sent
  }

  @Test
  void anEventInvocationIs202AndADryRun204WithAnEmptyPayloadAndNoVersion() throws Exception {
    var event = InvokeResponse.of(InvokeResult.accepted(), ID.toString(), AT);
    assertThat(event.fieldNames()).toIterable().containsExactly("Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
    assertThat(event.get("Payload").asText()).isEmpty();
    assertThat(event.get("StatusCode").asInt()).isEqualTo(202);
    assertThat(event.get("SdkHttpMetadata").get("HttpStatusCode").asInt()).isEqualTo(202);
    assertThat(event.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").asText()).isEqualTo("0");
    assertThat(InvokeResponse.of(InvokeResult.dryRun(), ID.toString(), AT).get("StatusCode").asInt()).isEqualTo(204);
  }

  @Test
  void theTailIsTheInvocationsLogInBase64AsLambdaWritesIt() {
    String log = new String(Base64.getDecoder().decode(TailLog.of(ID.toString(), java.util.List.of("hello"), 1_500_000, 128)),
        StandardCharsets.UTF_8);
    assertThat(log).isEqualTo("START RequestId: 0f8fad5b-d9cb-469f-a165-70867728950e Version: $LATEST\nhello\n"
        + "END RequestId: 0f8fad5b-d9cb-469f-a165-70867728950e\n"
        + "REPORT RequestId: 0f8fad5b-d9cb-469f-a165-70867728950e\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB"
        + "\tMax Memory Used: 128 MB\t\n");
  }
}
