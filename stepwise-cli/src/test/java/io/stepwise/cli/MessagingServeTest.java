package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code stepwise serve} with its local SQS, SNS and EventBridge: a workflow sends a message with
 * its task token, the server restarts, a worker written against the SQS SDK reads the message
 * and answers with SendTaskSuccess, and the workflow ends; what reached a topic or bus is read
 * back with {@code stepwise messages}.
 */
class MessagingServeTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/r";
  @TempDir Path data;
  private ServeCommand serve;
  private CompletableFuture<Integer> exit;

  private URI start() throws Exception {
    serve = new ServeCommand();
    CommandLine cmd = new CommandLine(serve);
    exit = CompletableFuture.supplyAsync(() -> cmd.execute("--port", "0", "--data", data.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    return serve.server().endpoint();
  }

  private void stop() throws Exception {
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    serve = null;
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (serve != null) {
      stop();
    }
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B b, URI endpoint) {
    b.endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    return b.build();
  }

  private static List<HistoryEventType> history(SfnClient sfn, String arn) {
    return sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream().map(HistoryEvent::type).toList();
  }

  @Test
  void aWorkerOnTheSqsSdkAnswersTheTokenAWorkflowSentAndARestartDoesNotSendItAgain() throws Exception {
    URI endpoint = start();
    String executionArn;
    String queueUrl;
    try (SqsClient sqs = client(SqsClient.builder(), endpoint); SfnClient sfn = client(SfnClient.builder(), endpoint)) {
      queueUrl = sqs.createQueue(b -> b.queueName("couriers")).queueUrl();
      assertThat(queueUrl).isEqualTo(endpoint + "/123456789012/couriers");
      String machine = sfn.createStateMachine(b -> b.name("ship").roleArn(ROLE).definition("""
          {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"QueueUrl":"%s","MessageBody":{"Order.$":"$.order","TaskToken.$":"$$.Task.Token"}},
            "ResultPath":"$.courier","End":true}}}""".formatted(queueUrl))).stateMachineArn();
      executionArn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"order\":\"o-9\"}")).executionArn();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!history(sfn, executionArn).contains(HistoryEventType.TASK_SUBMITTED) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(history(sfn, executionArn)).contains(HistoryEventType.TASK_SUBMITTED);
    }
    stop();

    endpoint = start();
    try (SqsClient sqs = client(SqsClient.builder(), endpoint); SfnClient sfn = client(SfnClient.builder(), endpoint)) {
      var got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
      assertThat(got).as("sent once, kept across the restart").hasSize(1);
      JsonNode body = Json.parse(got.get(0).body());
      assertThat(body.get("Order").asText()).isEqualTo("o-9");
      sfn.sendTaskSuccess(b -> b.taskToken(body.get("TaskToken").asText()).output("{\"name\":\"Ada\"}"));
      sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(got.get(0).receiptHandle()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (sfn.describeExecution(b -> b.executionArn(executionArn)).status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      var done = sfn.describeExecution(b -> b.executionArn(executionArn));
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(done.output()).get("courier").get("name").asText()).isEqualTo("Ada");
      assertThat(history(sfn, executionArn)).filteredOn(t -> t == HistoryEventType.TASK_SUBMITTED).hasSize(1);
      assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).as("not sent again").isEmpty();
    }
  }

  @Test
  void whatReachedATopicOrABusIsReadBackWithStepwiseMessagesAndATopicDeliversToItsQueueSubscriptions() throws Exception {
    URI endpoint = start();
    try (SfnClient sfn = client(SfnClient.builder(), endpoint);
        var sns = client(software.amazon.awssdk.services.sns.SnsClient.builder(), endpoint);
        SqsClient sqs = client(SqsClient.builder(), endpoint)) {
      String topic = sns.createTopic(b -> b.name("alerts")).topicArn();
      assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
      String wrapped = sqs.createQueue(b -> b.queueName("alerts-all")).queueUrl();
      String raw = sqs.createQueue(b -> b.queueName("alerts-raw")).queueUrl();
      sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:alerts-all"));
      String rawSub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:alerts-raw")
          .attributes(java.util.Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"level\":[\"warn\"]}"))).subscriptionArn();
      assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).hasSize(2);
      assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(rawSub)).attributes()).containsEntry("RawMessageDelivery", "true");
      assertThatNotFound(() -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:nope").message("m")));
      sns.publish(b -> b.topicArn(topic).message("from the SDK").messageAttributes(java.util.Map.of("level",
          software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue("info").build())));
      String machine = sfn.createStateMachine(b -> b.name("notify").roleArn(ROLE).definition("""
          {"StartAt":"Publish","States":{
            "Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
              "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message.$":"$.text"},"ResultPath":null,"Next":"Put"},
            "Put":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
              "Parameters":{"Entries":[{"Source":"shop","DetailType":"Shipped","Detail":{"text.$":"$.text"}}]},"End":true}}}""")).stateMachineArn();
      String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"text\":\"parcel left\"}")).executionArn();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      List<String> notes = sqs.receiveMessage(b -> b.queueUrl(wrapped).maxNumberOfMessages(10)).messages().stream().map(m -> m.body()).toList();
      assertThat(notes).hasSize(2);
      assertThat(Json.parse(notes.get(0)).get("Message").asText()).isEqualTo("from the SDK");
      assertThat(Json.parse(notes.get(1)).get("Type").asText()).isEqualTo("Notification");
      assertThat(Json.parse(notes.get(1)).get("TopicArn").asText()).isEqualTo(topic);
      assertThat(sqs.receiveMessage(b -> b.queueUrl(raw).maxNumberOfMessages(10)).messages()).as("the filter policy let none through")
          .isEmpty();
      sns.publish(b -> b.topicArn(topic).message("careful").messageAttributes(java.util.Map.of("level",
          software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue("warn").build())));
      var rawGot = sqs.receiveMessage(b -> b.queueUrl(raw).messageAttributeNames("All")).messages();
      assertThat(rawGot).singleElement().satisfies(m -> {
        assertThat(m.body()).isEqualTo("careful");
        assertThat(m.messageAttributes().get("level").stringValue()).isEqualTo("warn");
      });
    }
    Cli.Outcome topic = Cli.stepwise("messages", "--data", data.toString(), "--topic", "alerts", "--after", "1", "--limit", "1");
    assertThat(topic.exit()).isEqualTo(ExitCodes.OK);
    JsonNode note = Json.parse(topic.out().strip());
    assertThat(note.get("target").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
    assertThat(note.get("body").get("Message").asText()).isEqualTo("parcel left");
    Cli.Outcome bus = Cli.stepwise("messages", "--data", data.toString(), "--bus", "default");
    JsonNode event = Json.parse(bus.out().strip());
    assertThat(event.get("body").get("detail").get("text").asText()).isEqualTo("parcel left");
    assertThat(event.get("body").get("source").asText()).isEqualTo("shop");
    assertThat(Cli.stepwise("messages", "--data", data.toString()).out().strip().lines()).hasSize(4);
    assertThat(Cli.stepwise("messages", "--data", data.resolve("elsewhere").toString()).err()).contains("does not exist");
  }

  private static void assertThatNotFound(Runnable call) {
    var e = org.junit.jupiter.api.Assertions.assertThrows(software.amazon.awssdk.services.sns.model.NotFoundException.class, call::run);
    assertThat(e.getMessage()).contains("Topic does not exist");
  }

  @Test
  void remoteSqsAndEventBridgeReachAnotherServersApisThroughTheSdk() throws Exception {
    URI endpoint = start();
    try (SqsClient sqs = client(SqsClient.builder(), endpoint)) {
      String queue = sqs.createQueue(b -> b.queueName("far")).queueUrl();
      var settings = io.stepwise.integrations.config.ServicesSettings.resolve(null, java.util.Map.of(), List.of(
          "sqs=" + endpoint, "sqs.accessKeyId=test", "sqs.secretAccessKey=test",
          "eventbridge=" + endpoint, "eventbridge.accessKeyId=test", "eventbridge.secretAccessKey=test"));
      try (var integrations = io.stepwise.integrations.Integrations.open(new io.stepwise.integrations.IntegrationContext(settings, null, data, null,
          "us-east-1", "123456789012", java.time.InstantSource.system()))) {
        var b = io.stepwise.engine.Engine.builder().fastTime(true);
        integrations.handlers().forEach(b::handler);
        try (var engine = b.build()) {
          var aws = software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder();
          try (var events = client(aws, endpoint)) {
            events.putRule(r -> r.name("all-shop").eventPattern("{\"source\":[\"shop\"]}"));
            events.putTargets(r -> r.rule("all-shop").targets(t -> t.id("q").arn("arn:aws:sqs:us-east-1:123456789012:far")));
          }
          var r = engine.run(io.stepwise.asl.parse.StateMachineParser.parse("""
              {"StartAt":"Send","States":{
                "Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"%s","MessageBody":"direct"},
                  "ResultPath":null,"Next":"Put"},
                "Put":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
                  "Parameters":{"Entries":[{"Source":"shop","DetailType":"Packed","Detail":{"n":1}}]},"End":true}}}""".formatted(queue)),
              "{}", io.stepwise.engine.RunOptions.defaults().withNames("M", "remote-1"));
          assertThat(r.status()).isEqualTo(io.stepwise.engine.ExecutionStatus.SUCCEEDED);
          assertThat(r.output().get("FailedEntryCount").intValue()).isZero();
        }
      }
      var got = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
      assertThat(got).extracting(m -> m.body()).hasSize(2).contains("direct")
          .anySatisfy(body -> assertThat(body).contains("\"detail-type\":\"Packed\""));
    }
  }
}
