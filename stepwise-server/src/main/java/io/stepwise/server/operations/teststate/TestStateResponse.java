package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.teststate.Inspection;
import io.stepwise.engine.teststate.StateTestResult;
import io.stepwise.integrations.http.HttpExchange;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Response;
import java.util.List;
import java.util.Map;

/**
 * TestStateOutput: status, output, error, cause, nextState; and at DEBUG and TRACE the
 * inspectionData, each stage's value as a JSON string. TRACE adds an HTTP Task's request and
 * response (headers as a JSON object of each name and its values joined by ", ").
 *
 * @param trace what an HTTP Task's call sent and received, at TRACE; else null
 */
public record TestStateResponse(StateTestResult result, boolean inspect, HttpTraces.Trace trace) implements Response {
  public TestStateResponse(StateTestResult result, boolean inspect) {
    this(result, inspect, null);
  }

  @Override
  public void write(JsonOutput out) {
    out.string("output", text(result.output()))
        .string("error", result.error())
        .string("cause", result.cause())
        .structure("inspectionData", inspect ? result.inspection() : null, this::inspection)
        .string("nextState", result.nextState())
        .string("status", result.status().name());
  }

  private void inspection(Inspection i, JsonOutput o) {
    Inspection.MapDetails m = i.map();
    HttpExchange x = trace == null ? null : trace.exchange();
    o.string("input", text(i.input()))
        .string("afterArguments", text(i.afterArguments()))
        .string("afterInputPath", text(i.afterInputPath()))
        .string("afterParameters", text(i.afterParameters()))
        .string("result", text(i.result()))
        .string("afterResultSelector", text(i.afterResultSelector()))
        .string("afterResultPath", text(i.afterResultPath()))
        .structure("request", x == null ? null : x.request(), (r, w) -> w.string("protocol", r.protocol())
            .string("method", r.method())
            .string("url", r.url())
            .string("headers", headers(r.headers()))
            .string("body", r.body()))
        .structure("response", x == null ? null : x.response(), (r, w) -> w.string("protocol", r.protocol())
            .string("statusCode", Integer.toString(r.statusCode()))
            .string("statusMessage", r.statusMessage())
            .string("headers", headers(r.headers()))
            .string("body", r.body()))
        .string("variables", text(i.variables()))
        .structure("errorDetails", i.errorDetails(), (d, e) -> e.integer("catchIndex", d.catchIndex())
            .integer("retryIndex", d.retryIndex())
            .integer("retryBackoffIntervalSeconds", d.retryBackoffIntervalSeconds()))
        .string("afterItemsPath", m == null ? null : text(m.afterItemsPath()))
        .string("afterItemSelector", m == null ? null : text(m.afterItemSelector()))
        .string("afterItemBatcher", m == null ? null : text(m.afterItemBatcher()))
        .string("afterItemsPointer", m == null ? null : text(m.afterItemsPointer()))
        .integer("toleratedFailureCount", m == null ? null : m.toleratedFailureCount())
        .decimal("toleratedFailurePercentage", m == null ? null : m.toleratedFailurePercentage())
        .integer("maxConcurrency", m == null ? null : m.maxConcurrency());
  }

  private static String headers(Map<String, List<String>> headers) {
    ObjectNode o = Json.NODES.objectNode();
    headers.forEach((name, values) -> o.put(name, String.join(", ", values)));
    return Json.write(o);
  }

  private static String text(JsonNode v) {
    return v == null ? null : Json.write(v);
  }
}
