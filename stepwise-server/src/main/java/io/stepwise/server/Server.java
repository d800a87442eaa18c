package io.stepwise.server;

import io.javalin.Javalin;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.auth.Authenticator;
import io.stepwise.server.auth.ConsoleOrSignature;
import io.stepwise.server.auth.ConsoleSessions;
import io.stepwise.server.auth.Credentials;
import io.stepwise.server.auth.SigV4Verifier;
import io.stepwise.server.operations.PageTokens;
import io.stepwise.server.operations.RegistryOperations;
import io.stepwise.server.operations.RunningExecutions;
import io.stepwise.server.operations.statemachines.StateMachineDeletion;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.AwsJsonEndpoint;
import io.stepwise.server.protocol.Dispatcher;
import io.stepwise.server.protocol.InFlight;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.registry.InMemoryRegistry;
import io.stepwise.server.registry.Registry;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions API over HTTP: Javalin on Jetty, every request on a virtual thread. Built
 * with the registry operations; the execution operations are added with {@link
 * Builder#operation}, each made from the server's {@link Services}.
 *
 * <pre>{@code
 * try (Server server = Server.builder(ServerConfig.defaults().withPort(0)).build().start()) {
 *   URI endpoint = server.endpoint(); // http://127.0.0.1:PORT, for --endpoint-url
 * }
 * }</pre>
 *
 * <p>{@link #stop()} is graceful: requests that arrive from then on are answered 503 at once
 * (closing Jetty's connectors first would cut the connections of the requests under way), the
 * requests under way are waited for (up to the limits' grace), and then Jetty stops gracefully too,
 * so that their answers are written out before the connections close.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final ServerConfig config;
  private final Services services;
  private final InFlight inFlight;
  private final Authenticator authenticator;
  private final Javalin javalin;
  private volatile boolean started;
  /** Finishes the deletions of state machines whose executions have ended; started with the server. */
  private volatile StateMachineDeletion deletions;
  private volatile boolean stopped;
  private volatile int port = -1;

  private Server(ServerConfig config, Services services, List<Operation<?, ?>> operations, InstantSource clock,
      Authenticator authenticator, List<JsonApi> apis, List<io.stepwise.integrations.api.QueryApi> queryApis,
      List<java.util.function.BiConsumer<io.javalin.config.JavalinConfig, Services>> routes,
      java.util.function.Consumer<String> throttled) {
    this.config = config;
    this.services = services;
    this.inFlight = new InFlight(config.limits().maxInFlightRequests());
    this.authenticator = authenticator;
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(new Dispatcher(operations), inFlight,
        config.limits().maxRequestBytes(), clock, authenticator, apis, queryApis);
    if (throttled != null) {
      endpoint.onThrottled(throttled);
    }
    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.concurrency.useVirtualThreads = true;
      cfg.http.maxRequestSize = config.limits().maxRequestBytes();
      cfg.jetty.host = config.host();
      cfg.jetty.port = config.port();
      // Jetty's graceful stop waits for responses to be written, which happens after the handler
      // returns (and so after a request leaves InFlight); Javalin nests its context inside.
      cfg.jetty.modifyServer(jetty -> {
        jetty.setHandler(new GracefulHandler());
        jetty.setStopTimeout(Math.max(1, config.limits().shutdownGrace().toMillis()));
      });
      cfg.routes.post("/", endpoint::handle);
      for (java.util.function.BiConsumer<io.javalin.config.JavalinConfig, Services> r : routes) {
        r.accept(cfg, services);
      }
      cfg.routes.error(404, AwsJsonEndpoint::notFound);
    });
  }

  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /** Binds and starts serving; the port is known from here on. */
  public Server start() {
    if (started) {
      throw new IllegalStateException("the server was started already");
    }
    started = true;
    javalin.start();
    if (services.running() != RunningExecutions.NONE) {
      deletions = new StateMachineDeletion(services);
    }
    port = javalin.port();
    LOG.info("Stepwise serves the Step Functions API at {} (region {}, account {}; {})",
        endpoint(), config.region(), config.accountId(), switch (authenticator) {
          case SigV4Verifier v -> "requests must be signed with Signature Version 4 by one of " + v.keyCount() + " access keys";
          case ConsoleOrSignature c -> "requests must be signed with Signature Version 4 by one of " + c.signatures().keyCount()
              + " access keys, or come from the console signed in with its token";
          default -> "any credentials accepted, signed or not";
        });
    return this;
  }

  /** The port bound (the configured one, or the one taken for port 0); known once started. */
  public int port() {
    if (port < 0) {
      port = javalin.port();
    }
    return port;
  }

  /** The URL clients take as their endpoint. */
  public URI endpoint() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  public ServerConfig config() {
    return config;
  }

  public Services services() {
    return services;
  }

  /** Stops gracefully (see the class comment); a second call does nothing. */
  public void stop() {
    if (!started || stopped) {
      return;
    }
    stopped = true;
    try {
      if (!inFlight.closeAndAwait(config.limits().shutdownGrace())) {
        LOG.warn("{} requests were still under way after {}; stopping anyway", inFlight.count(),
            config.limits().shutdownGrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (deletions != null) {
      deletions.close();
    }
    try {
      javalin.stop();
    } catch (RuntimeException e) {
      // Jetty gave up waiting for answers still being written (the grace ran out): it has stopped
      LOG.warn("Stepwise stopped before every answer was written: {}", e.toString());
      return;
    }
    LOG.info("Stepwise stopped");
  }

  @Override
  public void close() {
    stop();
  }

  /** What a server is made of; all optional but the config. */
  public static final class Builder {
    private final ServerConfig config;
    private Registry registry = new InMemoryRegistry();
    private RunningExecutions running = RunningExecutions.NONE;
    private InstantSource clock = InstantSource.system();
    private List<Credentials> credentials;
    private ConsoleSessions consoleSessions;
    private final List<Function<Services, Operation<?, ?>>> extra = new ArrayList<>();
    private final List<Function<Services, List<Operation<?, ?>>>> groups = new ArrayList<>();
    private final List<JsonApi> apis = new ArrayList<>();
    private final List<io.stepwise.integrations.api.QueryApi> queryApis = new ArrayList<>();
    private final List<java.util.function.BiConsumer<io.javalin.config.JavalinConfig, Services>> routes = new ArrayList<>();
    private java.util.function.Consumer<String> throttled;

    private Builder(ServerConfig config) {
      this.config = config;
    }

    /**
     * How the server learns whether a state machine has executions running (the execution side's
     * store): DeleteStateMachine then keeps one DELETING until they end, as AWS does.
     */
    public Builder runningExecutions(RunningExecutions r) {
      this.running = r;
      return this;
    }

    public Builder registry(Registry r) {
      this.registry = r;
      return this;
    }

    /** The clock of creation dates and token ages (tests move it). */
    public Builder clock(InstantSource c) {
      this.clock = c;
      return this;
    }

    /**
     * Verifies AWS Signature Version 4 on every request: only requests signed with one of these
     * keys (and, for a key with a session token, carrying it) are served; the others get AWS's
     * authentication errors. Without it, every request is served, signed or not.
     */
    public Builder verifySignatures(List<Credentials> keys) {
      this.credentials = List.copyOf(keys);
      return this;
    }

    /**
     * With {@link #verifySignatures}: the API also serves the console's own requests on the session
     * cookie of a sign-in with the console token (the browser cannot sign); the console's routes and
     * {@code /metrics} are given the same sessions to check.
     */
    public Builder consoleSessions(ConsoleSessions sessions) {
      this.consoleSessions = sessions;
      return this;
    }

    /**
     * Serves a local service's own API (DynamoDB's, SQS's) on the same port, for the requests whose
     * {@code X-Amz-Target} starts with its prefix.
     */
    public Builder api(JsonApi api) {
      apis.add(api);
      return this;
    }

    /** Serves a local service's query API (SNS's) on the same port, for the form-encoded requests of its Version. */
    public Builder queryApi(io.stepwise.integrations.api.QueryApi api) {
      queryApis.add(api);
      return this;
    }

    /**
     * Adds HTTP routes beside the API's {@code POST /} (the console's pages and their data,
     * {@code /metrics}), given the Javalin config while the server is made and the server's services.
     */
    public Builder routes(java.util.function.BiConsumer<io.javalin.config.JavalinConfig, Services> r) {
      routes.add(r);
      return this;
    }

    /** Told the API name of each request refused with ThrottlingException (see {@link AwsJsonEndpoint#onThrottled}). */
    public Builder onThrottled(java.util.function.Consumer<String> listener) {
      this.throttled = listener;
      return this;
    }

    /** Adds operations beyond the registry's, made from the server's services (the execution side). */
    public Builder operations(Function<Services, List<Operation<?, ?>>> factory) {
      groups.add(factory);
      return this;
    }

    /** Adds an operation beyond the registry's (StartExecution and the rest of the execution side). */
    public Builder operation(Function<Services, Operation<?, ?>> factory) {
      extra.add(factory);
      return this;
    }

    public Server build() {
      Services services = new Services(registry, new Arns(config.region(), config.accountId()), new PageTokens(), running);
      List<Operation<?, ?>> ops = new ArrayList<>(RegistryOperations.all(services));
      for (Function<Services, Operation<?, ?>> f : extra) {
        Operation<?, ?> op = f.apply(services);
        if (op != null) {
          ops.add(op);
        }
      }
      for (Function<Services, List<Operation<?, ?>>> g : groups) {
        ops.addAll(g.apply(services));
      }
      if (consoleSessions != null && credentials == null) {
        throw new IllegalStateException("console sessions are for a server that verifies signatures (verifySignatures)");
      }
      Authenticator auth = credentials == null ? Authenticator.ANY : new SigV4Verifier(credentials, config.region(), clock);
      if (consoleSessions != null) {
        auth = new ConsoleOrSignature(consoleSessions, (SigV4Verifier) auth);
      }
      return new Server(config, services, ops, clock, auth, apis, queryApis, routes, throttled);
    }
  }
}
