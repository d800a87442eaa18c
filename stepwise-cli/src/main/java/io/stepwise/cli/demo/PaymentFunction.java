package io.stepwise.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The payment function, a Lambda function as an HTTP endpoint (the way stepwise.yaml declares
 * {@code url:} functions), in front of a card processor that is busy now and then and declines
 * some cards. A charge is recorded in the Payments table once per order: a retried charge of an
 * order already paid answers the first payment again, so an order is never paid twice.
 */
final class PaymentFunction implements AutoCloseable {
  /** A card with this token is always declined. */
  static final String DECLINED_CARD = "tok_declined";
  /** A card with this token finds the processor busy on its order's first two tries, never on the third. */
  static final String BUSY_TWICE_CARD = "tok_busy_twice";

  private final HttpServer http;
  private final CompletableFuture<DynamoDbClient> dynamodb;
  private final DoubleSupplier random;
  private final double busyRate;
  private final AtomicLong payments = new AtomicLong();
  /** Charges tried so far of each order paid with {@link #BUSY_TWICE_CARD}. */
  private final ConcurrentHashMap<String, AtomicInteger> busyTwice = new ConcurrentHashMap<>();

  /**
   * @param dynamodb the client of the Payments table, completed once the server listens (a restarted
   *     server calls the function for the tasks it recovers before that)
   * @param busyRate the share of calls the processor is too busy for (Payment.Unavailable, worth retrying)
   */
  PaymentFunction(CompletableFuture<DynamoDbClient> dynamodb, double busyRate, DoubleSupplier random) throws IOException {
    this.dynamodb = dynamodb;
    this.busyRate = busyRate;
    this.random = random;
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/payment", this::handle);
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.start();
  }

  /** Where stepwise.yaml's {@code functions.payment.url} points. */
  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/payment";
  }

  private void handle(HttpExchange x) throws IOException {
    JsonNode answer;
    try (x) {
      try {
        answer = invoke(Json.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      } catch (PaymentError e) {
        answer = Json.NODES.objectNode().put("errorType", e.type).put("errorMessage", e.getMessage());
      } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
        answer = Json.NODES.objectNode().put("errorType", "Payment.Error").put("errorMessage", String.valueOf(e.getMessage()));
      }
      byte[] body = Json.write(answer).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  JsonNode invoke(JsonNode event) {
    String orderId = event.path("orderId").asText("");
    if (orderId.isEmpty()) {
      throw new PaymentError("Payment.InvalidRequest", "the payment needs an orderId");
    }
    String action = event.path("action").asText("charge");
    boolean busy = action.equals("charge") && BUSY_TWICE_CARD.equals(event.path("card").path("token").asText())
        ? busyTwice.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet() <= 2
        : random.getAsDouble() < busyRate;
    if (busy) {
      throw new PaymentError("Payment.Unavailable", "the card processor is busy; try again");
    }
    return switch (action) {
      case "charge" -> charge(orderId, event);
      case "refund" -> refund(orderId);
      default -> throw new PaymentError("Payment.InvalidRequest", "unknown action " + action);
    };
  }

  private JsonNode charge(String orderId, JsonNode event) {
    if (DECLINED_CARD.equals(event.path("card").path("token").asText())) {
      throw new PaymentError("Payment.Declined", "insufficient funds");
    }
    String paymentId = "PAY-" + orderId;
    try {
      table().putItem(b -> b.tableName("Payments").item(Map.of("orderId", AttributeValue.fromS(orderId),
          "paymentId", AttributeValue.fromS(paymentId), "amount", AttributeValue.fromN(event.path("amount").asText("0")),
          "status", AttributeValue.fromS("CHARGED"))).conditionExpression("attribute_not_exists(orderId)"));
      payments.incrementAndGet();
    } catch (ConditionalCheckFailedException e) {
      // charged before (a retry after an answer that was lost): the same payment, not a second one
    }
    ObjectNode out = Json.NODES.objectNode().put("paymentId", paymentId).put("status", "CHARGED");
    return out;
  }

  /** Refunds the order's charge, if there is one; a second refund, or one of an order never charged, changes nothing. */
  private JsonNode refund(String orderId) {
    try {
      table().updateItem(b -> b.tableName("Payments").key(Map.of("orderId", AttributeValue.fromS(orderId)))
          .updateExpression("SET #s = :r").conditionExpression("attribute_exists(orderId)")
          .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":r", AttributeValue.fromS("REFUNDED"))));
    } catch (ConditionalCheckFailedException e) {
      return Json.NODES.objectNode().put("status", "NOTHING_TO_REFUND");
    }
    return Json.NODES.objectNode().put("refundId", "REF-" + orderId).put("status", "REFUNDED");
  }

  private DynamoDbClient table() {
    try {
      return dynamodb.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new PaymentError("Payment.Unavailable", "the payment service is starting; try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentError("Payment.Unavailable", "the payment service is stopping; try again");
    }
  }

  /** Charges made by this process. */
  long payments() {
    return payments.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }

  /** An error the function raises: its errorType is the error the state machine's Retry and Catch see. */
  static final class PaymentError extends RuntimeException {
    final String type;

    PaymentError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
