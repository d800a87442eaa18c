package io.stepwise.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: the registry in Prometheus' text format, once the guard has let the request through. */
public final class MetricsRoute {
  public static final String PATH = "/metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoute() {}

  /**
   * @param guard run first on every request: it throws (a Javalin {@code HttpResponseException},
   *     say) to refuse one, as the console's token check will when auth is on
   */
  public static void install(JavalinConfig cfg, PrometheusMeterRegistry registry, Handler guard) {
    cfg.routes.get(PATH, ctx -> {
      guard.handle(ctx);
      ctx.contentType(CONTENT_TYPE);
      ctx.result(registry.scrape());
    });
  }
}
