package io.stepwise.integrations.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.config.ServicesSettings;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS in remote mode against a real SQS-compatible server (ElasticMQ, from Maven Central, on
 * 127.0.0.1): the tasks reach it through the SDK's SqsClient, as configured by --service flags.
 */
class RemoteSqsTest {
  SQSRestServer elasticmq;
  URI endpoint;

  @BeforeEach
  void start() {
    elasticmq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    endpoint = URI.create("http://127.0.0.1:" + elasticmq.waitUntilStarted().localAddress().getPort());
  }

  @AfterEach
  void stop() {
    elasticmq.stopAndWait();
  }

  @Test
  void theTasksSendToTheRealEndpointAndItsErrorsAreTheTasks() throws Exception {
    try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      String url = sqs.createQueue(b -> b.queueName("remote")).queueUrl();
      ServicesSettings settings = ServicesSettings.resolve(null, Map.of(),
          List.of("sqs=" + endpoint, "sqs.region=us-east-1", "sqs.accessKeyId=x", "sqs.secretAccessKey=x"));
      try (Integrations integrations = Integrations.open(new IntegrationContext(settings, null, null, null, "us-east-1", "123456789012",
          InstantSource.system()))) {
        assertThat(integrations.all()).filteredOn(i -> i.service().equals("sqs")).singleElement()
            .satisfies(i -> assertThat(i.describe()).contains(endpoint.toString()));
        assertThat(integrations.apis()).noneMatch(a -> a.targetPrefix().equals("AmazonSQS"));
        Engine.Builder b = Engine.builder().fastTime(true);
        integrations.handlers().forEach(b::handler);
        try (Engine engine = b.build()) {
          String def = """
              {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                "Parameters":{"QueueUrl":"%s","MessageBody":{"hello.$":"$.who"},
                  "MessageAttributes":{"k":{"DataType":"String","StringValue":"v"}}},"End":true}}}""".formatted(url);
          ExecutionResult r = engine.run(StateMachineParser.parse(def), "{\"who\":\"remote\"}", RunOptions.defaults().withNames("M", "r1"));
          assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
          assertThat(r.output().get("SdkHttpMetadata").get("HttpStatusCode").intValue()).isEqualTo(200);
          var got = sqs.receiveMessage(x -> x.queueUrl(url).messageAttributeNames("All")).messages();
          assertThat(got).singleElement().satisfies(m -> {
            assertThat(Json.parse(m.body()).get("hello").asText()).isEqualTo("remote");
            assertThat(m.messageId()).isEqualTo(r.output().get("MessageId").asText());
            assertThat(m.messageAttributes().get("k").stringValue()).isEqualTo("v");
          });
          String missing = def.replace(url, endpoint + "/000000000000/absent");
          ExecutionResult failed = engine.run(StateMachineParser.parse(missing), "{\"who\":\"x\"}", RunOptions.defaults().withNames("M", "r2"));
          assertThat(failed.error()).isEqualTo("SQS.QueueDoesNotExistException");
          assertThat(failed.cause()).contains("Service: AmazonSQS; Status Code: 400");
        }
      }
    }
  }
}
