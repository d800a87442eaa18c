package io.stepwise.integrations.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.config.ServicesSettings;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQS, SNS and EventBridge tasks on the local stand-ins, through an engine, as stepwise serve opens them. */
class MessagingTasksTest {
  static final String EXEC_PREFIX = "arn:aws:states:us-east-1:123456789012:execution:Machine:";
  @TempDir Path data;
  Integrations integrations;
  Engine engine;
  JsonApi sqs;
  JsonApi events;

  @BeforeEach
  void open() {
    integrations = Integrations.open(new IntegrationContext(ServicesSettings.allLocal(), null, data, data, "us-east-1", "123456789012",
        InstantSource.system()));
    Engine.Builder b = Engine.builder().region("us-east-1").account("123456789012").fastTime(true);
    integrations.handlers().forEach(b::handler);
    engine = b.build();
    sqs = integrations.apis().stream().filter(a -> a.targetPrefix().equals("AmazonSQS")).findFirst().orElseThrow();
    events = integrations.apis().stream().filter(a -> a.targetPrefix().equals("AWSEvents")).findFirst().orElseThrow();
    sqs.call("CreateQueue", Json.NODES.objectNode().put("QueueName", "orders"));
  }

  @AfterEach
  void close() {
    engine.close();
    integrations.close();
  }

  private ExecutionResult run(String resource, String parameters, String input) {
    String def = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":" + parameters
        + ",\"End\":true}}}";
    return engine.run(StateMachineParser.parse(def), input, RunOptions.defaults().withNames("Machine", "run-" + System.nanoTime()));
  }

  private JsonNode receive(String queue) throws Exception {
    JsonNode r = sqs.call("ReceiveMessage", Json.parse("{\"QueueUrl\":\"http://localhost:8083/123456789012/" + queue + "\",\"MaxNumberOfMessages\":10}"));
    return r.path("Messages");
  }

  @Test
  void sqsSendMessageSendsAJsonBodyAsItsTextAndAnswersWithTheSdkMetadata() throws Exception {
    ExecutionResult r = run("arn:aws:states:::sqs:sendMessage",
        "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/orders\",\"MessageBody\":{\"order.$\":\"$.id\"},"
            + "\"MessageAttributes\":{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"new\"}}}", "{\"id\":7}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = r.output();
    assertThat(out.get("MessageId").asText()).isNotBlank();
    assertThat(out.get("MD5OfMessageBody").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("MD5").digest("{\"order\":7}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(out.get("MD5OfMessageAttributes").asText()).hasSize(32);
    assertThat(out.get("SdkHttpMetadata").get("HttpStatusCode").intValue()).isEqualTo(200);
    assertThat(out.get("SdkResponseMetadata").get("RequestId").asText()).isNotBlank();
    JsonNode got = receive("orders");
    assertThat(got).hasSize(1);
    assertThat(got.get(0).get("Body").asText()).isEqualTo("{\"order\":7}");
    assertThat(got.get(0).get("MD5OfBody").asText()).isEqualTo(out.get("MD5OfMessageBody").asText());
  }

  @Test
  void theSdkFormAnswersSqsAloneAndErrorsAreNamedAsEachIntegrationNamesThem() {
    ExecutionResult sdk = run("arn:aws:states:::aws-sdk:sqs:sendMessage",
        "{\"QueueUrl\":\"http://localhost:8083/123456789012/orders\",\"MessageBody\":\"plain\"}", "{}");
    assertThat(sdk.output().has("SdkHttpMetadata")).isFalse();
    assertThat(sdk.output().fieldNames()).toIterable().containsExactly("MD5OfMessageBody", "MessageId");

    ExecutionResult missing = run("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\":\"http://localhost/123456789012/nope\",\"MessageBody\":\"x\"}", "{}");
    assertThat(missing.error()).isEqualTo("SQS.QueueDoesNotExistException");
    assertThat(missing.cause()).startsWith("The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; Error Code: AWS.SimpleQueueService.NonExistentQueue; Request ID: ")
        .endsWith("; Proxy: null)");
    ExecutionResult missingSdk = run("arn:aws:states:::aws-sdk:sqs:sendMessage", "{\"QueueUrl\":\"http://localhost/123456789012/nope\",\"MessageBody\":\"x\"}", "{}");
    assertThat(missingSdk.error()).isEqualTo("Sqs.QueueDoesNotExistException");
    assertThat(missingSdk.cause()).startsWith("The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: ");
    ExecutionResult objectBody = run("arn:aws:states:::aws-sdk:sqs:sendMessage", "{\"QueueUrl\":\"http://localhost/123456789012/orders\",\"MessageBody\":{\"a\":1}}", "{}");
    assertThat(objectBody.error()).isEqualTo("States.Runtime");
    ExecutionResult empty = run("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\":\"http://localhost/123456789012/orders\",\"MessageBody\":\"\"}", "{}");
    assertThat(empty.error()).isEqualTo("SQS.AmazonSQSException");
  }

  @Test
  void waitForTaskTokenSendsTheTokenAndWaitsForTheCallback() throws Exception {
    ExecutionResult r = run("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "{\"QueueUrl\":\"http://localhost:8083/123456789012/orders\",\"MessageBody\":{\"TaskToken.$\":\"$$.Task.Token\"}}", "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(r.events().stream().map(HistoryEvent::type).toList()).endsWith(EventType.TaskStarted, EventType.TaskSubmitted);
    JsonNode got = receive("orders");
    assertThat(Json.parse(got.get(0).get("Body").asText()).get("TaskToken").asText()).isNotBlank();
  }

  @Test
  void snsPublishKeepsTheNotificationToReadBack() throws Exception {
    String topic = "arn:aws:sns:us-east-1:123456789012:alerts";
    ExecutionResult none = run("arn:aws:states:::sns:publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"m\"}", "{}");
    assertThat(none.error()).as("not created yet").isEqualTo("SNS.NotFoundException");
    assertThat(none.cause()).startsWith("Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFound;");
    var sns = integrations.queryApis().get(0);
    assertThat(sns.call("CreateTopic", java.util.Map.of("Name", "alerts"), io.stepwise.integrations.api.ApiRequest.LOCAL, "r-1"))
        .contains("<TopicArn>" + topic + "</TopicArn>");
    ExecutionResult r = run("arn:aws:states:::sns:publish",
        "{\"TopicArn\":\"" + topic + "\",\"Subject\":\"hi\",\"Message\":{\"level.$\":\"$.level\"}}", "{\"level\":\"warn\"}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String id = r.output().get("MessageId").asText();
    assertThat(r.output().get("SdkHttpMetadata").get("HttpHeaders").get("Content-Type").asText()).isEqualTo("text/xml");
    try (MessagingDb db = MessagingDb.open(data)) {
      List<Published.Entry> kept = Published.read(db, Published.TOPIC, topic, 0, 10);
      assertThat(kept).singleElement().satisfies(e -> {
        assertThat(e.id()).isEqualTo(id);
        assertThat(e.body()).contains("\"Message\":\"{\\\"level\\\":\\\"warn\\\"}\"").contains("\"Subject\":\"hi\"");
      });
    }
    ExecutionResult otherAccount = run("arn:aws:states:::sns:publish", "{\"TopicArn\":\"arn:aws:sns:us-east-1:999999999999:x\",\"Message\":\"m\"}", "{}");
    assertThat(otherAccount.error()).isEqualTo("SNS.NotFoundException");
    ExecutionResult noMessage = run("arn:aws:states:::aws-sdk:sns:publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"\"}", "{}");
    assertThat(noMessage.error()).isEqualTo("Sns.InvalidParameterException");
  }

  @Test
  void putEventsDeliversToTheQueuesOfMatchingRulesAndAFailedEntryFailsTheTask() throws Exception {
    events.call("PutRule", Json.parse("{\"Name\":\"big-orders\",\"EventPattern\":\"{\\\"source\\\":[\\\"shop\\\"],\\\"detail\\\":{\\\"total\\\":[{\\\"numeric\\\":[\\\">\\\",100]}]}}\"}"));
    events.call("PutTargets", Json.parse("{\"Rule\":\"big-orders\",\"Targets\":[{\"Id\":\"q\",\"Arn\":\"arn:aws:sqs:us-east-1:123456789012:orders\"}]}"));
    ExecutionResult r = run("arn:aws:states:::events:putEvents",
        "{\"Entries\":[{\"Source\":\"shop\",\"DetailType\":\"Order\",\"Detail\":{\"total.$\":\"$.total\"}},"
            + "{\"Source\":\"shop\",\"DetailType\":\"Order\",\"Detail\":{\"total\":5}}]}", "{\"total\":250}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("FailedEntryCount").intValue()).isZero();
    assertThat(r.output().get("Entries")).hasSize(2);
    JsonNode got = receive("orders");
    assertThat(got).as("only the big order matched").hasSize(1);
    JsonNode event = Json.parse(got.get(0).get("Body").asText());
    assertThat(event.get("detail-type").asText()).isEqualTo("Order");
    assertThat(event.get("detail").get("total").intValue()).isEqualTo(250);
    assertThat(event.get("resources").get(0).asText()).startsWith(EXEC_PREFIX);
    assertThat(event.get("resources").get(1).asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Machine");

    ExecutionResult noBus = run("arn:aws:states:::events:putEvents",
        "{\"Entries\":[{\"Source\":\"shop\",\"DetailType\":\"Order\",\"Detail\":{},\"EventBusName\":\"missing\"}]}", "{}");
    assertThat(noBus.error()).isEqualTo("EventBridge.FailedEntry");
    assertThat(Json.parse(noBus.cause()).get("Entries").get(0).get("ErrorCode").asText()).isEqualTo("ResourceNotFoundException");
    ExecutionResult sdk = run("arn:aws:states:::aws-sdk:eventbridge:putEvents",
        "{\"Entries\":[{\"Source\":\"shop\",\"DetailType\":\"Order\",\"Detail\":\"{}\",\"EventBusName\":\"missing\"}]}", "{}");
    assertThat(sdk.status()).as("the SDK form answers the failed entry").isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sdk.output().get("FailedEntryCount").intValue()).isEqualTo(1);
  }
}
