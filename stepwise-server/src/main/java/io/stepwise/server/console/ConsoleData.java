package io.stepwise.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.stepwise.asl.json.Json;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.store.Store;

/**
 * The console's data endpoints, under {@code /console/api/}: what the Step Functions API cannot
 * answer, read from the store (every machine's executions filtered and paged; an activity's
 * tasks waiting for a worker and running). Read-only; JSON out; a bad parameter is a 400 whose
 * body names it ({@code {"parameter": ..., "message": ...}}). A guard on {@code /console/*} covers
 * them with the pages.
 */
public final class ConsoleData {
  private ConsoleData() {}

  /** Adds the endpoints to a server that takes any credentials, reading the execution side's store. */
  public static void install(JavalinConfig cfg, Services services, Store store) {
    install(cfg, services, store, ConsoleAccess.OPEN);
  }

  /** Adds the endpoints behind {@code access} (with auth sigv4: the console's session), reading the store. */
  public static void install(JavalinConfig cfg, Services services, Store store, ConsoleAccess access) {
    ExecutionListing executions = new ExecutionListing(store);
    ActivityTasks tasks = new ActivityTasks(services, store);
    cfg.routes.get("/console/api/executions", guarded(access, answer(executions::list)));
    cfg.routes.get("/console/api/activities/tasks", guarded(access, answer(tasks::list)));
  }

  private static Handler guarded(ConsoleAccess access, Handler h) {
    return ctx -> {
      access.console(ctx); // throws Refused, answered by ConsoleRoutes' handler
      h.handle(ctx);
    };
  }

  interface Reader {
    JsonNode read(Context ctx);
  }

  private static Handler answer(Reader reader) {
    return ctx -> {
      ctx.header("Cache-Control", "no-store");
      ctx.header("X-Content-Type-Options", "nosniff");
      try {
        ctx.contentType("application/json").result(Json.write(reader.read(ctx)));
      } catch (BadParameterException e) {
        refuse(ctx, 400, e.parameter(), e.getMessage());
      } catch (ApiException e) {
        refuse(ctx, e.status(), null, e.code() + ": " + e.getMessage());
      }
    };
  }

  private static void refuse(Context ctx, int status, String parameter, String message) {
    var body = Json.NODES.objectNode();
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    body.put("message", message);
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
