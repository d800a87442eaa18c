package io.stepwise.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Places orders at a rate: StartExecution of the delivery assistant with an order of one to three
 * products (the execution named after the order, so an order is started once), a share of them
 * paid with a card that is declined.
 */
final class OrderGenerator implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(OrderGenerator.class);

  private final DemoClients clients;
  private final String machineArn;
  private final double perSecond;
  private final long limit;
  private final double declineRate;
  private final RandomGenerator random;
  private final AtomicBoolean running;
  private final String run;
  private final AtomicLong placed = new AtomicLong();

  /** @param limit the most orders to place, 0 for no limit */
  OrderGenerator(DemoClients clients, String machineArn, double perSecond, long limit, double declineRate, RandomGenerator random,
      AtomicBoolean running) {
    this.clients = clients;
    this.machineArn = machineArn;
    this.perSecond = perSecond;
    this.limit = limit;
    this.declineRate = declineRate;
    this.random = random;
    this.running = running;
    // orders of this run are told apart from a previous run's: the data carries on
    this.run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
  }

  @Override
  public void run() {
    long gapNanos = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    while (running.get() && (limit == 0 || placed.get() < limit)) {
      long n = placed.incrementAndGet();
      String orderId = "O-" + run + "-" + n;
      String input = Json.write(order(orderId));
      try {
        clients.sfn.startExecution(b -> b.stateMachineArn(machineArn).name(orderId).input(input));
      } catch (ExecutionAlreadyExistsException e) {
        // started already
      } catch (RuntimeException e) {
        if (!running.get()) {
          return;
        }
        log.warn("Order {} could not be placed: {}", orderId, e.getMessage());
      }
      next += gapNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
    log.info("The generator placed {} orders", placed.get());
  }

  ObjectNode order(String orderId) {
    List<String> skus = new ArrayList<>(DeliverySetup.PRODUCTS.keySet());
    java.util.Collections.sort(skus);
    ObjectNode o = Json.NODES.objectNode().put("orderId", orderId);
    o.putObject("customer").put("id", "C-" + (1 + random.nextInt(500))).put("email", "customer@example.com");
    o.putObject("address").put("line1", (1 + random.nextInt(200)) + " High Street").put("postcode", "N1 " + random.nextInt(10) + "AA");
    ArrayNode lines = o.putArray("lines");
    BigDecimal total = BigDecimal.ZERO;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String sku = skus.remove(random.nextInt(skus.size()));
      int quantity = 1 + random.nextInt(3);
      BigDecimal price = BigDecimal.valueOf(DeliverySetup.PRODUCTS.get(sku));
      lines.addObject().put("sku", sku).put("quantity", quantity).put("price", price);
      total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
    }
    o.put("total", total);
    o.putObject("card").put("token", random.nextDouble() < declineRate ? PaymentFunction.DECLINED_CARD : "tok_visa");
    o.put("dispatchAfterSeconds", 2);
    return o;
  }

  long placed() {
    return placed.get();
  }
}
