package io.stepwise.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A courier: takes requests from the courier-requests queue, beats the task's heart while it
 * decides, and accepts with SendTaskSuccess; now and then one never answers (the task's heartbeat
 * timeout hands the order to the next courier), and nobody answers the first request for the
 * postcode {@link #NOWHERE}. Each message is deleted once handled.
 */
final class CourierWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(CourierWorker.class);

  /** The postcode no courier answers the first request for (the path of a courier who never answers, on demand). */
  static final String NOWHERE = "NOWHERE";

  private final DemoClients clients;
  private final String queueUrl;
  private final String courierId;
  private final double noShowRate;
  private final DoubleSupplier random;
  private final AtomicBoolean running;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();

  CourierWorker(DemoClients clients, String queueUrl, String courierId, double noShowRate, DoubleSupplier random, AtomicBoolean running) {
    this.clients = clients;
    this.queueUrl = queueUrl;
    this.courierId = courierId;
    this.noShowRate = noShowRate;
    this.random = random;
    this.running = running;
  }

  @Override
  public void run() {
    while (running.get()) {
      try {
        for (Message m : clients.sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)).messages()) {
          handle(m);
          clients.sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
      } catch (RuntimeException e) {
        if (!running.get()) {
          return; // the server is stopping
        }
        log.warn("Courier {}: {}", courierId, e.getMessage());
        sleep(500);
      }
    }
  }

  private void handle(Message m) {
    JsonNode request;
    try {
      request = Json.parse(m.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      log.warn("Courier {}: a request that is not JSON, dropped: {}", courierId, m.body());
      return;
    }
    String token = request.path("taskToken").asText();
    boolean farAway = NOWHERE.equals(request.path("address").path("postcode").asText()) && request.path("attempt").asInt() == 1;
    if (farAway || random.getAsDouble() < noShowRate) {
      ignored.incrementAndGet();
      log.info("Courier {} never answers for order {} (attempt {})", courierId, request.path("orderId").asText(),
          request.path("attempt").asInt());
      return;
    }
    try {
      clients.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
      String output = Json.write(Json.NODES.objectNode().put("courierId", courierId)
          .put("orderId", request.path("orderId").asText()).put("eta", java.time.Instant.now().plusSeconds(1800).toString()));
      clients.sfn.sendTaskSuccess(b -> b.taskToken(token).output(output));
      accepted.incrementAndGet();
    } catch (TaskTimedOutException | TaskDoesNotExistException e) {
      log.info("Courier {}: order {} was given to another courier", courierId, request.path("orderId").asText());
    }
  }

  long accepted() {
    return accepted.get();
  }

  long ignored() {
    return ignored.get();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
