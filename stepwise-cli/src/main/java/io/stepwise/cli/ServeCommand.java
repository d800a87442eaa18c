package io.stepwise.cli;

import io.stepwise.cli.serve.ConfigFile;
import io.stepwise.cli.serve.ConsoleSignIn;
import io.stepwise.cli.serve.Durations;
import io.stepwise.cli.serve.ServeSettings;
import io.stepwise.cli.serve.Setting;
import io.stepwise.cli.serve.SettingsException;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.Integrations;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.auth.Credentials;
import io.stepwise.server.auth.CredentialsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise serve}: the Step Functions API on HTTP until the process is told to stop
 * (SIGTERM or Ctrl-C run the shutdown hook, which stops the server gracefully). Each setting comes
 * from its flag, else its environment variable, else {@code stepwise.yaml}, else its default
 * ({@link ServeSettings}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the AWS Step Functions API (AWS JSON 1.0) so that the AWS CLI and SDKs work unchanged with"
          + " --endpoint-url http://localhost:8083 (by default with any credentials; --auth sigv4 verifies signatures).",
      "",
      "Standard executions are stored in DIR/stepwise.db (one SQLite file, every step fsynced) and go on after a"
          + " restart; Express ones run in memory. State machines, versions, aliases, activities and tags are kept in"
          + " DIR/registry.json. Ended executions are deleted after the retention (90 days, as AWS keeps them).",
      "",
      "Each setting is taken from its option, else its environment variable, else the configuration file"
          + " (--config FILE, STEPWISE_CONFIG, else stepwise.yaml in the working directory, when there is one), else its default. The file's keys:"
          + " host, port, data, region, account, maxInFlight, retention, auth (mode, credentials, consoleToken), mockConfig, executionLogs, services, functions"
          + " (Lambda functions: docs/integrations.md; 'stepwise functions list' shows them)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE + " Also: a setting or the configuration file cannot be used, the port"
        + " cannot be bound."})
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration file (STEPWISE_CONFIG; default stepwise.yaml in the working directory, when there is one).")
  String config;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Address to listen on (STEPWISE_HOST, host; default 127.0.0.1; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on (STEPWISE_PORT, port; default 8083, Step Functions Local's; 0 for any free one).")
  String port;

  @Option(names = "--region", paramLabel = "REGION", description = "Region the ARNs name (STEPWISE_REGION, region; default us-east-1).")
  String region;

  @Option(names = "--account", paramLabel = "ACCOUNT",
      description = "12-digit account id the ARNs name (STEPWISE_ACCOUNT, account; default 123456789012).")
  String account;

  @Option(names = "--max-in-flight", paramLabel = "N",
      description = "Requests handled at once; more are answered ThrottlingException (STEPWISE_MAX_IN_FLIGHT, maxInFlight; default 512).")
  String maxInFlight;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where executions are stored (STEPWISE_DATA, data; default stepwise-data); created if absent.")
  String data;

  @Option(names = "--retention", paramLabel = "DURATION",
      description = "How long ended executions are kept, then deleted with their histories: 90d, 12h, 30m, P90D, or never"
          + " (STEPWISE_RETENTION, retention; default 90d, as AWS).")
  String retention;

  @Option(names = "--auth", paramLabel = "MODE",
      description = "none: any credentials accepted, signed or not (the default); sigv4: only requests signed with AWS Signature"
          + " Version 4 by a key of --credentials, and the console and /metrics only with the console token"
          + " (STEPWISE_AUTH; mode under auth in the file).")
  String auth;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "An AWS credentials file ([profile] sections with aws_access_key_id, aws_secret_access_key and optionally"
          + " aws_session_token): the keys --auth sigv4 accepts (STEPWISE_CREDENTIALS; credentials under auth in the file).")
  String credentials;

  @Option(names = "--console-token", paramLabel = "TOKEN",
      description = "With --auth sigv4: the token that signs in to the console and that /metrics takes as Authorization: Bearer,"
          + " at least 16 characters (STEPWISE_CONSOLE_TOKEN; consoleToken under auth in the file; prefer those: a flag is"
          + " seen by ps). Default: a random one made at start and shown in the log line with the console's URL.")
  String consoleToken;

  @Option(names = "--service", paramLabel = "SERVICE=ENDPOINT",
      description = "How a Task reaches a service (lambda, dynamodb, s3, sqs, sns, eventbridge): local (the built-in stand-in,"
          + " the default), aws, or an endpoint URL; SERVICE.KEY=VALUE sets region, accessKeyId, secretAccessKey or sessionToken."
          + " Repeatable (STEPWISE_SERVICES_<SERVICE>[_<KEY>]; services in the file).")
  List<String> services = List.of();

  @Option(names = "--mock-config", paramLabel = "FILE",
      description = "Step Functions Local's mock configuration (MockConfigFile.json): StartExecution of STATE_MACHINE_ARN#TestCase"
          + " runs with that test case's mocked responses (STEPWISE_MOCK_CONFIG, mockConfig; else SFN_MOCK_CONFIG, else"
          + " MockConfigFile.json in the working directory when there is one, as Step Functions Local). A file that cannot be"
          + " used is refused at start, every problem at its JSON Pointer.")
  String mockConfig;

  @Option(names = "--execution-logs", paramLabel = "stdout|DIR",
      description = "Where the execution logs of state machines with a loggingConfiguration go (AWS's CloudWatch Logs"
          + " event lines, JSON): stdout, or a directory with one file per log group (STEPWISE_EXECUTION_LOGS,"
          + " executionLogs; default DIR/execution-logs under --data).")
  String executionLogs;

  /** The environment and working directory settings are read from (a test's own). */
  Map<String, String> env = System.getenv();
  Path workDir = Path.of("").toAbsolutePath();

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Server server;
  private volatile ConsoleSignIn consoleSignIn;
  private volatile io.stepwise.server.backend.ExecutionBackend backend;
  private volatile Integrations integrations;
  private volatile io.stepwise.server.logs.ExecutionLogs executionLogWriter;

  /** The settings this invocation resolves to (for tests). */
  ServeSettings settings() {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    put(flags, Setting.HOST, host);
    put(flags, Setting.PORT, port);
    put(flags, Setting.DATA, data);
    put(flags, Setting.REGION, region);
    put(flags, Setting.ACCOUNT, account);
    put(flags, Setting.MAX_IN_FLIGHT, maxInFlight);
    put(flags, Setting.RETENTION, retention);
    put(flags, Setting.AUTH, auth);
    put(flags, Setting.CREDENTIALS, credentials);
    put(flags, Setting.CONSOLE_TOKEN, consoleToken);
    put(flags, Setting.MOCK_CONFIG, mockConfig);
    put(flags, Setting.EXECUTION_LOGS, executionLogs);
    return ServeSettings.resolve(flags, services, config, env, workDir);
  }

  private static void put(Map<Setting, String> flags, Setting s, String value) {
    if (value != null) {
      flags.put(s, value);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    ServeSettings settings;
    List<Credentials> keys = null;
    ServerConfig config;
    try {
      settings = settings();
      if (settings.credentials() != null) {
        keys = CredentialsFile.read(settings.credentials());
      }
      config = new ServerConfig(settings.host(), settings.port(), settings.region(), settings.account(),
          ServerLimits.defaults().withMaxInFlightRequests(settings.maxInFlight()));
    } catch (SettingsException | IllegalArgumentException e) {
      System.err.println("stepwise serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    settingsInUse = settings;
    if (settings.configFile() != null) {
      log.info("Settings from the configuration file {} (flags and STEPWISE_* variables win over it)", settings.configFile().toAbsolutePath());
    } else {
      log.info("No configuration file ({} is not in {}): settings from flags, STEPWISE_* variables and defaults", ConfigFile.NAME, workDir);
    }
    io.stepwise.engine.mock.MockConfig mocks;
    try {
      mocks = mocks(settings);
    } catch (Inputs.InputException e) {
      System.err.println("stepwise serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Integrations integrations;
    try {
      integrations = Integrations.open(new IntegrationContext(settings.services(), withBuiltIn(settings.functions()), settings.configDir(),
          settings.data(), settings.region(), settings.account(), java.time.InstantSource.system()));
    } catch (RuntimeException e) {
      System.err.println("stepwise serve: " + rootMessage(e));
      return ExitCodes.USAGE;
    }
    this.integrations = integrations;
    for (io.stepwise.integrations.Integration i : integrations.all()) {
      log.info("{}: {}", i.service(), i.describe());
    }
    io.stepwise.engine.Engine.Builder engineBuilder = io.stepwise.engine.Engine.builder().region(settings.region())
        .account(settings.account()).mocks(mocks);
    integrations.handlers().forEach(engineBuilder::handler);
    var nested = new io.stepwise.server.operations.executions.NestedExecutions(settings.data().resolve("nested-executions.json"));
    engineBuilder.handler(nested);
    engineBuilder.handler(new io.stepwise.integrations.UnknownResources()); // asked last
    io.stepwise.engine.Engine engine = engineBuilder.build();
    io.stepwise.server.backend.ExecutionBackend b;
    try {
      b = io.stepwise.server.backend.ExecutionBackend.open(settings.data(), engine, java.time.InstantSource.system());
    } catch (RuntimeException e) {
      System.err.println("stepwise serve: cannot open the data directory " + settings.data() + ": " + rootMessage(e));
      integrations.close();
      return ExitCodes.USAGE;
    }
    backend = b;
    if (settings.retention().isPresent()) {
      Duration keep = settings.retention().get();
      b.retain(keep, purgeEvery(keep));
      log.info("Ended executions are kept {} after they stop, then deleted with their histories", Durations.format(keep));
    } else {
      log.info("Ended executions are kept forever (retention: never)");
    }
    io.stepwise.server.registry.Registry registry;
    try {
      registry = io.stepwise.server.registry.FileRegistry.open(settings.data().resolve("registry.json"));
    } catch (RuntimeException e) {
      b.close();
      System.err.println("stepwise serve: " + rootMessage(e));
      integrations.close();
      return ExitCodes.USAGE;
    }
    io.stepwise.server.logs.ExecutionLogs logs;
    try {
      logs = new io.stepwise.server.logs.ExecutionLogs(registry, logDestination(settings));
    } catch (RuntimeException e) {
      b.close();
      System.err.println("stepwise serve: " + rootMessage(e));
      integrations.close();
      return ExitCodes.USAGE;
    }
    executionLogWriter = logs;
    b.runtime().onStored(logs::stepped);
    engine.observe(logs::stepped);
    Server.Builder builder = Server.builder(config).registry(registry).runningExecutions(b::anyRunning)
        .operations(services -> {
          var executions = new io.stepwise.server.operations.executions.Executions(services, b, new java.util.SplittableRandom());
          nested.ready(executions);
          return io.stepwise.server.operations.executions.ExecutionOperations.all(executions);
        });
    ConsoleSignIn console = ConsoleSignIn.of(settings, java.time.InstantSource.system());
    consoleSignIn = console;
    if (keys != null) {
      keysInUse = List.copyOf(keys);
      builder.verifySignatures(keys).consoleSessions(console.sessions());
    } else if (settings.consoleToken() != null) {
      log.warn("A console token is set, but auth is none: the console and /metrics are open, as the API (--auth sigv4 uses the token)");
    }
    if (keys == null && !isLoopback(settings.host())) {
      log.warn("Listening on {} with auth none: anyone who reaches this port can use the API, the console and /metrics"
          + " (--auth sigv4 to require signatures and the console token)", settings.host());
    }
    // the page and scripts are served to anyone; with auth sigv4 their data (the API, the graphs) needs a sign-in
    // (its live stream of an execution's events too: an EventSource sends the session's cookie)
    builder.routes((cfg, services) -> io.stepwise.server.console.ConsoleRoutes.install(cfg, console.access(), b));
    // what the API cannot list (every machine's executions filtered, an activity's tasks), from the store
    builder.routes((cfg, services) -> io.stepwise.server.console.ConsoleData.install(cfg, services, b.store(), console.access()));
    // GET /metrics: open with auth none; else the console token as a bearer, or the console's session
    io.stepwise.metrics.ServerMetrics.attach(builder, engine, b.runtime(), console.access()::metrics);
    integrations.apis().forEach(builder::api);
    integrations.queryApis().forEach(builder::queryApi);
    Server s = builder.build();
    try {
      s.start();
    } catch (RuntimeException e) {
      b.close();
      System.err.println("stepwise serve: cannot listen on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e));
      integrations.close();
      return ExitCodes.USAGE;
    }
    server = s;
    log.info(console.announcement(s.endpoint()));
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

  /**
   * The mock configuration: the setting's file, else Step Functions Local's SFN_MOCK_CONFIG, else its
   * MockConfigFile.json in the working directory when there is one; none (no test cases) otherwise.
   */
  private io.stepwise.engine.mock.MockConfig mocks(ServeSettings settings) {
    Path file = settings.mockConfig();
    String sfnLocal = env.get(MockConfigFiles.SFN_LOCAL_ENV);
    if (file == null && sfnLocal != null && !sfnLocal.isBlank()) {
      file = workDir.resolve(sfnLocal.strip());
    }
    if (file == null && java.nio.file.Files.isRegularFile(workDir.resolve(MockConfigFiles.SFN_LOCAL_NAME))) {
      file = workDir.resolve(MockConfigFiles.SFN_LOCAL_NAME);
    }
    if (file == null) {
      return io.stepwise.engine.mock.MockConfig.EMPTY;
    }
    io.stepwise.engine.mock.MockConfig mocks = MockConfigFiles.read(file);
    int cases = mocks.stateMachines().values().stream().mapToInt(java.util.Map::size).sum();
    log.info("Mock configuration {}: {} test cases of {} state machines, {} mocked responses (start ARN#TestCase to use one)",
        file, cases, mocks.stateMachines().size(), mocks.responses().size());
    return mocks;
  }

  /** Standard output, or the directory of one file per log group (by default under the data directory). */
  private io.stepwise.server.logs.LogDestination logDestination(ServeSettings settings) {
    String where = settings.executionLogs();
    if ("stdout".equals(where)) {
      log.info("Execution logs (of state machines whose loggingConfiguration asks for them) go to standard output");
      return io.stepwise.server.logs.LogDestination.stream(System.out);
    }
    Path dir = where == null ? settings.data().resolve("execution-logs") : workDir.resolve(where);
    log.info("Execution logs (of state machines whose loggingConfiguration asks for them) go to {}, one file per log group", dir);
    return io.stepwise.server.logs.LogDestination.directory(dir);
  }

  /** Once a minute, or more often for a retention shorter than ten minutes (a tenth of it, at least a second). */
  static Duration purgeEvery(Duration keep) {
    Duration tenth = keep.dividedBy(10);
    if (tenth.compareTo(Duration.ofMinutes(1)) >= 0) {
      return Duration.ofMinutes(1);
    }
    return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
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
    io.stepwise.server.logs.ExecutionLogs l = executionLogWriter;
    if (l != null) {
      l.close(); // after the executions' last steps
    }
    Integrations i = integrations;
    if (i != null) {
      i.close(); // after the executions: no task is left to call them
    }
    stopped.countDown();
  }

  /**
   * Functions a command embedding serve declares (stepwise demo: its own functions), as the file's
   * {@code functions:} section would; the file's declaration of a name wins.
   */
  com.fasterxml.jackson.databind.node.ObjectNode builtInFunctions;

  private com.fasterxml.jackson.databind.JsonNode withBuiltIn(com.fasterxml.jackson.databind.JsonNode fromFile) {
    if (builtInFunctions == null || builtInFunctions.isEmpty()) {
      return fromFile;
    }
    com.fasterxml.jackson.databind.node.ObjectNode all = builtInFunctions.deepCopy();
    if (fromFile != null && fromFile.isObject()) {
      fromFile.properties().forEach(e -> all.set(e.getKey(), e.getValue()));
    } else if (fromFile != null && !fromFile.isNull()) {
      return fromFile; // not a mapping: let the functions' own check say so
    }
    return all;
  }

  /** The settings serve runs with, once it has read them (stepwise demo reads the region and account). */
  ServeSettings settingsInUse() {
    return settingsInUse;
  }

  private volatile ServeSettings settingsInUse;
  private volatile List<Credentials> keysInUse;

  /**
   * A serve run by another command in this process (stepwise demo), with functions of its own
   * declared as the file's {@code functions:} would (the file's declaration of a name wins).
   */
  public static ServeCommand embedded(Path workDir, Map<String, String> env, com.fasterxml.jackson.databind.node.ObjectNode functions) {
    ServeCommand s = new ServeCommand();
    s.workDir = workDir;
    s.env = env;
    s.builtInFunctions = functions;
    return s;
  }

  /** Where the server listens once it does, else null. */
  public java.net.URI endpoint() {
    Server s = server;
    return s == null ? null : s.endpoint();
  }

  /** The region executions run in (once the settings are read). */
  public String region() {
    return settingsInUse.region();
  }

  /** The account in the ARNs (once the settings are read). */
  public String account() {
    return settingsInUse.account();
  }

  /**
   * A key requests to this server may be signed with: with --auth sigv4 the credentials file's
   * first (its default profile's, when it has one); without, null (any credentials do).
   */
  public Credentials clientKey() {
    List<Credentials> keys = keysInUse;
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    return keys.stream().filter(k -> "default".equals(k.profile())).findFirst().orElse(keys.get(0));
  }

  /** The data directory (once the settings are read). */
  public Path dataDirectory() {
    return settingsInUse.data();
  }

  /** Stops the server as Ctrl-C does. */
  public void shutdown() {
    stop();
  }

  /** The server once it listens (tests read its port). */
  Server server() {
    return server;
  }

  /** How the console is signed in to, once the server is made (tests read the generated token). */
  ConsoleSignIn consoleSignIn() {
    return consoleSignIn;
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
