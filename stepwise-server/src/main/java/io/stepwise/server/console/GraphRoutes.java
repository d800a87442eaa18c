package io.stepwise.server.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.stepwise.asl.graph.GraphBuilder;
import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import io.stepwise.layout.GraphLayout;
import io.stepwise.layout.Layout;
import io.stepwise.layout.PngRenderer;
import io.stepwise.layout.SvgRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Draws a definition for the console, with the layout {@code stepwise graph} uses:
 * {@code POST /console/graph.svg} or {@code /console/graph.png} with the definition as the body,
 * {@code ?direction=TB|LR}. The page sends the definition it read through the API (or one being
 * edited), so drawing reveals nothing the API did not; still, on a server that verifies signatures
 * only a signed-in console may draw ({@link ConsoleAccess}). A definition that does not validate is
 * answered 400 with its problems, each at its JSON Pointer.
 */
final class GraphRoutes {
  /** Larger than any definition the API accepts (1 MB), so that every stored one can be drawn. */
  static final int MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

  private GraphRoutes() {}

  static void install(JavalinConfig cfg, ConsoleAccess access) {
    cfg.routes.post("/console/graph.svg", ctx -> {
      access.console(ctx);
      draw(ctx, false);
    });
    cfg.routes.post("/console/graph.png", ctx -> {
      access.console(ctx);
      draw(ctx, true);
    });
  }

  private static void draw(Context ctx, boolean png) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_DEFINITION_BYTES) {
      refuse(ctx, 413, "The definition is " + body.length + " bytes; at most " + MAX_DEFINITION_BYTES + " are drawn");
      return;
    }
    String dir = ctx.queryParam("direction") == null ? "TB" : ctx.queryParam("direction").toUpperCase(Locale.ROOT);
    GraphText.Direction d = switch (dir) {
      case "TB", "TD" -> GraphText.Direction.TOP_DOWN;
      case "LR" -> GraphText.Direction.LEFT_RIGHT;
      default -> null;
    };
    if (d == null) {
      refuse(ctx, 400, "direction must be TB or LR, not '" + ctx.queryParam("direction") + "'");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    List<Problem> problems = Validator.validate(text);
    if (!problems.isEmpty()) {
      StringBuilder b = new StringBuilder("The definition has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      problems.forEach(p -> b.append("\n  ").append(p));
      refuse(ctx, 400, b.toString());
      return;
    }
    Layout layout;
    try {
      layout = GraphLayout.layout(GraphBuilder.of(Json.parse(text)), d);
    } catch (java.io.IOException | RuntimeException e) {
      refuse(ctx, 400, "The definition cannot be drawn: " + e.getMessage());
      return;
    }
    ctx.header("Cache-Control", "no-store");
    if (png) {
      ctx.contentType("image/png").result(PngRenderer.render(layout, 2));
    } else {
      ctx.contentType("image/svg+xml; charset=utf-8").result(SvgRenderer.render(layout));
    }
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
  }
}
