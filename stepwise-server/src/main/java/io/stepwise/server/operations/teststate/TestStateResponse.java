package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.teststate.Inspection;
import io.stepwise.engine.teststate.StateTestResult;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Response;

/**
 * TestStateOutput: status, output, error, cause, nextState; and at DEBUG and TRACE the
 * inspectionData, each stage's value as a JSON string. TRACE adds an HTTP Task's request and
 * response, and Stepwise has no HTTP Task: its TRACE is DEBUG.
 */
public record TestStateResponse(StateTestResult result, boolean inspect) implements Response {
  @Override
  public void write(JsonOutput out) {
    out.string("output", text(result.output()))
        .string("error", result.error())
        .string("cause", result.cause())
        .structure("inspectionData", inspect ? result.inspection() : null, TestStateResponse::inspection)
        .string("nextState", result.nextState())
        .string("status", result.status().name());
  }

  private static void inspection(Inspection i, JsonOutput o) {
    o.string("input", text(i.input()))
        .string("afterArguments", text(i.afterArguments()))
        .string("afterInputPath", text(i.afterInputPath()))
        .string("afterParameters", text(i.afterParameters()))
        .string("result", text(i.result()))
        .string("afterResultSelector", text(i.afterResultSelector()))
        .string("afterResultPath", text(i.afterResultPath()))
        .string("variables", text(i.variables()))
        .string("afterItemsPath", i.map() == null ? null : text(i.map().afterItemsPath()))
        .string("afterItemSelector", i.map() == null ? null : text(i.map().afterItemSelector()))
        .integer("toleratedFailureCount", i.map() == null ? null : i.map().toleratedFailureCount())
        .decimal("toleratedFailurePercentage", i.map() == null ? null : i.map().toleratedFailurePercentage())
        .integer("maxConcurrency", i.map() == null ? null : i.map().maxConcurrency())
        .structure("errorDetails", i.errorDetails(), (d, e) -> e.integer("catchIndex", d.catchIndex())
            .integer("retryIndex", d.retryIndex())
            .integer("retryBackoffIntervalSeconds", d.retryBackoffIntervalSeconds()));
  }

  private static String text(JsonNode v) {
    return v == null ? null : Json.write(v);
  }
}
