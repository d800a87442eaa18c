package io.stepwise.server.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.stepwise.server.backend.ExecutionBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the console's page at {@code GET /} and its assets at {@code GET /console/NAME} from the
 * jar. Only plain names of .html, .js and .css files are served (no path from the request reaches
 * the class path: no slash, no dot but the extension's). They hold no data, so they are served to
 * anyone; the console's sign-in ({@link SessionRoutes}) and its data routes ({@link GraphRoutes})
 * are installed beside them, the latter behind the {@link ConsoleAccess} given, as is the live
 * stream of an execution's events, {@code GET /console/executions/events} ({@link ExecutionStreams}).
 */
public final class ConsoleRoutes {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|js|css)");
  private static final byte[] MISSING = new byte[0];

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  private ConsoleRoutes() {}

  /** Adds the console's routes to a server that takes any credentials (no live stream: tests). */
  public static void install(JavalinConfig cfg) {
    install(cfg, ConsoleAccess.OPEN, (ExecutionStreams) null);
  }

  /** Adds the console's routes, their data behind {@code access} (no live stream: tests). */
  public static void install(JavalinConfig cfg, ConsoleAccess access) {
    install(cfg, access, (ExecutionStreams) null);
  }

  /**
   * Adds the console's routes, their data behind {@code access}, with the live stream of the
   * executions of {@code backend}.
   */
  public static void install(JavalinConfig cfg, ConsoleAccess access, ExecutionBackend backend) {
    ExecutionStreams streams = new ExecutionStreams(backend.store(), access, ExecutionStreams.MAX_STREAMS,
        ExecutionStreams.QUEUE_CAPACITY, ExecutionStreams.HEARTBEAT);
    backend.runtime().onStored(streams::stored);
    install(cfg, access, streams);
  }

  /** As {@link #install(JavalinConfig, ConsoleAccess, ExecutionBackend)}, with streams told the steps by the caller. */
  public static void install(JavalinConfig cfg, ConsoleAccess access, ExecutionStreams streams) {
    ConsoleRoutes r = new ConsoleRoutes();
    // a refusal of the console's data or of /metrics (their guards throw it): text saying what is missing
    cfg.routes.exception(ConsoleAccess.Refused.class, ConsoleAccess::answer);
    SessionRoutes.install(cfg, access);
    cfg.routes.get("/", ctx -> r.serve(ctx, "index.html"));
    if (streams != null) {
      streams.install(cfg);
    }
    cfg.routes.get("/console/{name}", ctx -> r.serve(ctx, ctx.pathParam("name")));
    GraphRoutes.install(cfg, access);
  }

  private void serve(Context ctx, String name) {
    Matcher m = NAME.matcher(name);
    byte[] body = m.matches() ? loaded.computeIfAbsent(name, ConsoleRoutes::read) : MISSING;
    if (body == MISSING) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("The console has no file " + name);
      return;
    }
    String type = TYPES.get(m.group(1));
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    ctx.contentType(type).result(body);
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        return MISSING;
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
