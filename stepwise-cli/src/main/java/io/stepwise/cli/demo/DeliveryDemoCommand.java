package io.stepwise.cli.demo;

import io.stepwise.asl.json.Json;
import io.stepwise.cli.ExitCodes;
import io.stepwise.cli.ServeCommand;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise demo delivery}: serve (with serve's own flags) with the delivery assistant
 * loaded, its tables seeded, its payment function, couriers, tracking worker and an order
 * generator running. Ctrl-C stops the generator and the workers, then the server; a second run on
 * the same data directory carries on.
 */
@Command(name = "delivery", mixinStandardHelpOptions = true,
    description = {"Serves the delivery assistant (examples/delivery, docs/delivery-assistant.md) with its tables, functions,"
        + " workers and an order generator; every other option is serve's (--port, --data, ...).",
        "The data directory defaults to ./delivery-data; a second run carries on from it."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE + " Also: serve's settings cannot be used, or the port is taken."})
public final class DeliveryDemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DeliveryDemoCommand.class);

  @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "1",
      description = "Orders placed per second (0 for none). Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--orders", paramLabel = "N", defaultValue = "0", description = "Stop placing orders after N (0: no limit).")
  long orders;

  @Option(names = "--payment-busy", paramLabel = "SHARE", defaultValue = "0.25",
      description = "The share of payment calls the card processor is too busy for (retried). Default: ${DEFAULT-VALUE}.")
  double paymentBusy;

  @Option(names = "--declines", paramLabel = "SHARE", defaultValue = "0.05",
      description = "The share of orders paid with a card that is declined. Default: ${DEFAULT-VALUE}.")
  double declines;

  @Option(names = "--no-shows", paramLabel = "SHARE", defaultValue = "0.1",
      description = "The share of courier requests a courier never answers (the order goes to the next). Default: ${DEFAULT-VALUE}.")
  double noShows;

  @Option(names = "--couriers", paramLabel = "N", defaultValue = "3", description = "Couriers taking requests. Default: ${DEFAULT-VALUE}.")
  int couriers;

  @Option(names = "--tracker", paramLabel = "python|java|auto", defaultValue = "auto",
      description = "The tracking worker: tracker.py with boto3, or the Java one; auto: Python when boto3 is here.")
  String tracker;

  @Option(names = "--trackers", paramLabel = "N", defaultValue = "2",
      description = "Tracking tasks worked on at once (the worker's threads). Default: ${DEFAULT-VALUE}.")
  int trackers;

  @Option(names = "--drive-seconds", paramLabel = "SECONDS", defaultValue = "1",
      description = "How long a tracked delivery takes, its heart beating meanwhile. Default: ${DEFAULT-VALUE}.")
  double driveSeconds;

  @CommandLine.Unmatched List<String> serveArgs = new ArrayList<>();

  /** Set by tests: serve's working directory and environment. */
  Path workDir = Path.of("").toAbsolutePath();
  java.util.Map<String, String> env = System.getenv();

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile ServeCommand serve;

  @Override
  public Integer call() throws Exception {
    try {
      int code = run();
      ready.completeExceptionally(new IllegalStateException("the demo ended with exit code " + code));
      return code;
    } catch (Exception | Error e) {
      ready.completeExceptionally(e);
      throw e;
    }
  }

  private int run() throws Exception {
    if (rate < 0 || paymentBusy < 0 || paymentBusy > 1 || declines < 0 || declines > 1 || noShows < 0 || noShows > 1 || couriers < 1
        || trackers < 1 || driveSeconds < 0) {
      System.err.println("stepwise demo delivery: --rate must be 0 or more, --payment-busy, --declines and --no-shows shares"
          + " from 0 to 1, --couriers and --trackers at least 1, --drive-seconds 0 or more");
      return ExitCodes.USAGE;
    }
    List<String> args = new ArrayList<>(serveArgs);
    if (args.stream().noneMatch(a -> a.equals("--data") || a.startsWith("--data="))) {
      args.add("--data");
      args.add("delivery-data");
    }
    SplittableRandom random = new SplittableRandom();
    DemoClients[] clients = new DemoClients[1];
    CompletableFuture<software.amazon.awssdk.services.dynamodb.DynamoDbClient> paymentsTable = new CompletableFuture<>();
    try (PaymentFunction payment = new PaymentFunction(paymentsTable, paymentBusy, random::nextDouble)) {
      ServeCommand s = ServeCommand.embedded(workDir, env, Json.NODES.objectNode().set("payment",
          Json.NODES.objectNode().put("url", payment.url()).put("timeout", 10)));
      serve = s;
      CommandLine cmd = new CommandLine(s);
      // a thread of its own: the common pool may have a single thread, and it may be ours
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      Thread.ofPlatform().name("stepwise-serve").start(() -> exit.complete(cmd.execute(args.toArray(String[]::new))));
      while (s.endpoint() == null && !exit.isDone()) {
        Thread.sleep(20);
      }
      if (exit.isDone()) {
        return exit.get(); // serve said why it could not start
      }
      URI endpoint = s.endpoint();
      String region = s.region();
      // with --auth sigv4 the demo's parts sign as any client must, with a key the server accepts
      io.stepwise.server.auth.Credentials key = s.clientKey();
      clients[0] = key == null ? new DemoClients(endpoint, region, "demo", "demo")
          : new DemoClients(endpoint, region, key.accessKeyId(), key.secretAccessKey(), key.sessionToken());
      paymentsTable.complete(clients[0].dynamodb);
      DeliverySetup.Resources r = DeliverySetup.ensure(clients[0], region, s.account());
      List<Thread> threads = new ArrayList<>();
      for (int i = 1; i <= couriers; i++) {
        CourierWorker w = new CourierWorker(clients[0], r.queueUrl(), "courier-" + i, noShows, random.split()::nextDouble, running);
        threads.add(Thread.ofPlatform().name("courier-" + i).daemon().start(w));
      }
      TrackingWorker trackingWorker = TrackingWorker.start(tracker, trackers, driveSeconds, endpoint.toString(), region,
          r.activityArn(), key, s.dataDirectory().resolve("demo"), clients[0], running);
      if (rate > 0) {
        OrderGenerator g = new OrderGenerator(clients[0], r.stateMachineArn(), rate, orders, declines, new SplittableRandom(), running);
        threads.add(Thread.ofPlatform().name("orders").daemon().start(g));
      }
      Thread hook = new Thread(() -> stopParts(trackingWorker), "stepwise-demo-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      log.info("The delivery assistant is running: {} orders a second; watch them in the console at {}/#/machine/{}",
          rate, endpoint, java.net.URLEncoder.encode(r.stateMachineArn(), java.nio.charset.StandardCharsets.UTF_8));
      log.info("Tables: aws dynamodb scan --table-name Inventory --endpoint-url {} (also Orders, Payments). Ctrl-C stops.", endpoint);
      ready.complete(null);
      int code = exit.get();
      stopParts(trackingWorker);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is what stopped us
      }
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
      return code;
    } finally {
      running.set(false);
      paymentsTable.completeExceptionally(new IllegalStateException("the demo stopped"));
      if (clients[0] != null) {
        clients[0].close();
      }
    }
  }

  private void stopParts(TrackingWorker worker) {
    running.set(false);
    worker.close();
  }

  /** Stops the demo as Ctrl-C does (tests). */
  void stop() {
    running.set(false);
    ServeCommand s = serve;
    if (s != null) {
      s.shutdown();
    }
  }

  /** Completes once everything is running (tests). */
  CompletableFuture<Void> ready() {
    return ready;
  }

  /** The endpoint once it listens (tests). */
  URI endpoint() {
    ServeCommand s = serve;
    return s == null ? null : s.endpoint();
  }
}
