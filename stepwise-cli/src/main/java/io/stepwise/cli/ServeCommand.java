package io.stepwise.cli;

import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise serve}: the Step Functions API on HTTP until the process is told to stop
 * (SIGTERM or Ctrl-C run the shutdown hook, which stops the server gracefully).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the AWS Step Functions API (AWS JSON 1.0) so that the AWS CLI and SDKs work unchanged with"
          + " --endpoint-url http://localhost:8083 (any credentials).",
      "",
      "Standard executions are stored in DIR/stepwise.db (one SQLite file, every step fsynced) and go on after a"
          + " restart; Express ones run in memory. State machines, versions, aliases, activities and tags are kept in"
          + " DIR/registry.json.",
      "Every option can also be set by its environment variable (the option wins)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE + " Also: the port cannot be bound."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:STEPWISE_HOST:-127.0.0.1}",
      description = "Address to listen on (STEPWISE_HOST; default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:STEPWISE_PORT:-8083}",
      description = "Port to listen on (STEPWISE_PORT; default ${DEFAULT-VALUE}, Step Functions Local's; 0 for any free one).")
  int port;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:STEPWISE_REGION:-us-east-1}",
      description = "Region the ARNs name (STEPWISE_REGION; default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "${env:STEPWISE_ACCOUNT:-123456789012}",
      description = "12-digit account id the ARNs name (STEPWISE_ACCOUNT; default ${DEFAULT-VALUE}).")
  String account;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "${env:STEPWISE_MAX_IN_FLIGHT:-512}",
      description = "Requests handled at once; more are answered ThrottlingException (STEPWISE_MAX_IN_FLIGHT; default ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:STEPWISE_DATA:-stepwise-data}",
      description = "Where executions are stored (STEPWISE_DATA; default ${DEFAULT-VALUE}); created if absent.")
  java.nio.file.Path data;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Server server;
  private volatile io.stepwise.server.backend.ExecutionBackend backend;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config;
    try {
      config = new ServerConfig(host, port, region, account, ServerLimits.defaults().withMaxInFlightRequests(maxInFlight));
    } catch (IllegalArgumentException e) {
      System.err.println("stepwise serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    io.stepwise.engine.Engine engine = io.stepwise.engine.Engine.builder().region(region).account(account)
        .handler(io.stepwise.integrations.lambda.LambdaFunctions.withSystemClockAndRandomIds().build()).build();
    io.stepwise.server.backend.ExecutionBackend b;
    try {
      b = io.stepwise.server.backend.ExecutionBackend.open(data, engine, java.time.InstantSource.system());
    } catch (RuntimeException e) {
      System.err.println("stepwise serve: cannot open the data directory " + data + ": " + rootMessage(e));
      return ExitCodes.USAGE;
    }
    backend = b;
    io.stepwise.server.registry.Registry registry;
    try {
      registry = io.stepwise.server.registry.FileRegistry.open(data.resolve("registry.json"));
    } catch (RuntimeException e) {
      b.close();
      System.err.println("stepwise serve: " + rootMessage(e));
      return ExitCodes.USAGE;
    }
    Server s = Server.builder(config).registry(registry)
        .operations(services -> io.stepwise.server.operations.executions.ExecutionOperations.all(
            new io.stepwise.server.operations.executions.Executions(services, b, new java.util.SplittableRandom())))
        .build();
    try {
      s.start();
    } catch (RuntimeException e) {
      System.err.println("stepwise serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
      return ExitCodes.USAGE;
    }
    server = s;
    Thread hook = new Thread(this::stop, "stepwise-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is what stopped us
    }
    return ExitCodes.OK;
  }

  /** Stops the server gracefully and lets {@link #call()} return; what the shutdown hook runs. */
  void stop() {
    Server s = server;
    if (s != null) {
      s.stop();
    }
    io.stepwise.server.backend.ExecutionBackend b = backend;
    if (b != null) {
      b.close(); // after the server: requests under way finish, then the last commits
    }
    stopped.countDown();
  }

  /** The server once it listens (tests read its port). */
  Server server() {
    return server;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
