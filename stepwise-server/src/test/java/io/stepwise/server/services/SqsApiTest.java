package io.stepwise.server.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.integrations.messaging.MessagingDb;
import io.stepwise.integrations.sqs.LocalQueues;
import io.stepwise.integrations.sqs.SqsApi;
import io.stepwise.server.TestServer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Local SQS through the AWS SDK for Java v2's SqsClient against the real server: what a worker
 * written against SQS does works unchanged (the SDK checks every MD5 it is answered).
 */
class SqsApiTest {
  @TempDir Path data;
  private MessagingDb db;
  private TestServer t;
  private SqsClient sqs;

  private void start() {
    db = MessagingDb.open(data);
    LocalQueues queues = new LocalQueues(db, InstantSource.system(), "us-east-1", "123456789012");
    t = new TestServer(b -> b.api(new SqsApi(queues)));
    sqs = SqsClient.builder()
        .endpointOverride(t.server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterEach
  void stop() {
    if (t != null) {
      sqs.close();
      t.close();
      db.close();
    }
  }

  @Test
  void queuesAreCreatedFoundListedAndDeletedWithUrlsAtTheServer() {
    start();
    String url = sqs.createQueue(b -> b.queueName("orders").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl();
    assertThat(url).isEqualTo(t.server.endpoint() + "/123456789012/orders");
    assertThat(sqs.createQueue(b -> b.queueName("orders").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl())
        .as("the same attributes: the same queue").isEqualTo(url);
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("orders").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))))
        .isInstanceOf(QueueNameExistsException.class).hasMessageContaining("VisibilityTimeout");
    sqs.createQueue(b -> b.queueName("invoices"));
    assertThat(sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl()).isEqualTo(url);
    assertThat(sqs.listQueues().queueUrls()).containsExactly(t.server.endpoint() + "/123456789012/invoices", url);
    assertThat(sqs.listQueues(b -> b.queueNamePrefix("ord")).queueUrls()).containsExactly(url);
    Map<String, String> attrs = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    assertThat(attrs).containsEntry("VisibilityTimeout", "45").containsEntry("QueueArn", "arn:aws:sqs:us-east-1:123456789012:orders")
        .containsEntry("ApproximateNumberOfMessages", "0").containsKey("CreatedTimestamp");
    sqs.deleteQueue(b -> b.queueUrl(url));
    QueueDoesNotExistException gone = org.junit.jupiter.api.Assertions.assertThrows(QueueDoesNotExistException.class,
        () -> sqs.getQueueUrl(b -> b.queueName("orders")));
    assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("bad name"))).isInstanceOf(SqsException.class)
        .hasMessageContaining("alphanumeric characters");
  }

  @Test
  void aMessageSentIsReceivedHiddenForItsVisibilityTimeoutAndDeletedByItsReceipt() {
    start();
    String url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
    var sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"order\":1}")
        .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("order").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("xyz")).build(),
            "n", MessageAttributeValue.builder().dataType("Number").stringValue("42").build())));
    assertThat(sent.messageId()).isNotBlank();

    ReceiveMessageResponse first = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
        .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL).visibilityTimeout(30));
    assertThat(first.messages()).hasSize(1);
    var m = first.messages().get(0);
    assertThat(m.messageId()).isEqualTo(sent.messageId());
    assertThat(m.body()).isEqualTo("{\"order\":1}");
    assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("order");
    assertThat(m.messageAttributes().get("blob").binaryValue().asUtf8String()).isEqualTo("xyz");
    assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
        .containsKey(MessageSystemAttributeName.SENT_TIMESTAMP);
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).as("hidden while in flight").isEmpty();
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributesAsStrings()).containsEntry("ApproximateNumberOfMessagesNotVisible", "1");

    // visible again at once, received again with a new receipt; the old receipt deletes nothing
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
    var again = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    assertThat(again.messages()).hasSize(1);
    assertThat(again.messages().get(0).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.messages().get(0).receiptHandle()).visibilityTimeout(0));
    var third = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
    assertThat(third).as("a stale receipt deleted nothing").hasSize(1);
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(third.get(0).receiptHandle()));
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
        .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
  }

  @Test
  void aWrongReceiptOrADeletedMessagesVisibilityIsRefusedAsSqsDoes() {
    start();
    String url = sqs.createQueue(b -> b.queueName("strict")).queueUrl();
    assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("not-a-handle")))
        .isInstanceOf(ReceiptHandleIsInvalidException.class);
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
    var got = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.receiptHandle()));
    SqsException e = org.junit.jupiter.api.Assertions.assertThrows(SqsException.class,
        () -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.receiptHandle()).visibilityTimeout(10)));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.MessageNotInflight");
    SqsException tooMany = org.junit.jupiter.api.Assertions.assertThrows(SqsException.class,
        () -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)));
    assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(tooMany.getMessage()).contains("MaxNumberOfMessages");
  }

  @Test
  void aLongPollWaitsForTheNextSend() throws Exception {
    start();
    String url = sqs.createQueue(b -> b.queueName("poll")).queueUrl();
    CompletableFuture<ReceiveMessageResponse> waiting = CompletableFuture.supplyAsync(
        () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
    Thread.sleep(200); // let the receive begin waiting; if it has not, it finds the message at once, as well
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake up"));
    assertThat(waiting.get(20, TimeUnit.SECONDS).messages()).extracting(m -> m.body()).containsExactly("wake up");
  }

  @Test
  void batchesSendEachEntryAndAMessageOverTheReceiveLimitMovesToTheDeadLetterQueue() {
    start();
    String dlq = sqs.createQueue(b -> b.queueName("dead")).queueUrl();
    String url = sqs.createQueue(b -> b.queueName("flaky").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dead\",\"maxReceiveCount\":\"1\"}"))).queueUrl();
    var batch = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
        e -> e.id("a").messageBody("one"), e -> e.id("b").messageBody("two"), e -> e.id("c").messageBody("")));
    assertThat(batch.successful()).extracting(s -> s.id()).containsExactly("a", "b");
    assertThat(batch.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("c");
      assertThat(f.code()).isEqualTo("MissingParameter");
    });
    var got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    assertThat(got).extracting(m -> m.body()).containsExactly("one", "two");
    got.forEach(m -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).as("received once: to the dead letters").isEmpty();
    assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)).messages()).extracting(m -> m.body())
        .containsExactly("one", "two");
  }

  @Test
  void aFifoQueueHandsOutAGroupInOrderOneReceiveAtATimeAndDropsDuplicates() {
    start();
    String url = sqs.createQueue(b -> b.queueName("jobs.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    var first = sqs.sendMessage(b -> b.queueUrl(url).messageBody("1").messageGroupId("g").messageDeduplicationId("d1"));
    assertThat(first.sequenceNumber()).isNotBlank();
    assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("1").messageGroupId("g").messageDeduplicationId("d1")).messageId())
        .as("a duplicate within five minutes").isEqualTo(first.messageId());
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("2").messageGroupId("g").messageDeduplicationId("d2"));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("h").messageDeduplicationId("d3"));
    var one = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
    assertThat(one).extracting(m -> m.body()).containsExactly("1");
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).as("group g waits for 1")
        .extracting(m -> m.body()).containsExactly("x");
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("no group"))).isInstanceOf(SqsException.class)
        .hasMessageContaining("MessageGroupId");
  }

  @Test
  void queuesAndMessagesOutliveTheServer() {
    start();
    String url = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("still here"));
    stop();
    start();
    List<String> bodies = sqs.receiveMessage(b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName("kept")).queueUrl())).messages()
        .stream().map(m -> m.body()).toList();
    assertThat(bodies).containsExactly("still here");
  }
}
