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
 * the class path: no slash, no dot but the extension's). An execution's page follows it live
 * through {@code GET /console/executions/events} ({@link ExecutionStreams}).
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

  /**
   * Adds the console's routes to the server being made, with the live stream of the executions
   * of {@code backend} ({@link ExecutionStreams}).
   *
   * @param signedOnly the server verifies signatures: the stream, which a browser cannot sign, is refused
   */
  public static void install(JavalinConfig cfg, ExecutionBackend backend, boolean signedOnly) {
    ExecutionStreams streams = new ExecutionStreams(backend.store(), signedOnly, ExecutionStreams.MAX_STREAMS,
        ExecutionStreams.QUEUE_CAPACITY, ExecutionStreams.HEARTBEAT);
    backend.runtime().onStored(streams::stored);
    install(cfg, streams);
  }

  /** As {@link #install(JavalinConfig, ExecutionBackend, boolean)}, with streams told the steps by the caller. */
  public static void install(JavalinConfig cfg, ExecutionStreams streams) {
    ConsoleRoutes r = new ConsoleRoutes();
    cfg.routes.get("/", ctx -> r.serve(ctx, "index.html"));
    streams.install(cfg);
    cfg.routes.get("/console/{name}", ctx -> r.serve(ctx, ctx.pathParam("name")));
    GraphRoutes.install(cfg);
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
