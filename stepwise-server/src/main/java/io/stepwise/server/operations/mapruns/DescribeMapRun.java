package io.stepwise.server.operations.mapruns;

import io.stepwise.engine.MapRunRecord;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.store.MapRunCounts;
import io.stepwise.store.MapRunIndex;
import io.stepwise.store.MapRunRow;
import java.time.Instant;

/**
 * DescribeMapRun: the run's settings, status and redrives from its row, its children and their
 * items counted by status from the children's rows: {@code pendingRedrive} those its redrive has
 * yet to run again (0 once it has ended), {@code failuresNotRedrivable} the unsuccessful ones no
 * redrive can run again as of now ({@code MapRunRow}).
 */
public final class DescribeMapRun implements Operation<DescribeMapRun.Request, DescribeMapRun.Result> {
  private final MapRunIndex store;

  public DescribeMapRun(MapRunIndex store) {
    this.store = store;
  }

  public record Request(String mapRunArn) {}

  public record Result(MapRunRow row) implements Response {
    @Override
    public void write(JsonOutput out) {
      MapRunRecord r = row.run();
      out.string("mapRunArn", r.mapRunArn())
          .string("executionArn", r.executionArn())
          .string("status", r.status().name())
          .timestamp("startDate", Instant.ofEpochMilli(r.startDate()))
          .timestamp("stopDate", r.stopDate() == null ? null : Instant.ofEpochMilli(r.stopDate()))
          .integer("maxConcurrency", r.maxConcurrency())
          .decimal("toleratedFailurePercentage", r.toleratedFailurePercentage())
          .longInteger("toleratedFailureCount", r.toleratedFailureCount())
          .structure("itemCounts", row.items(), Result::counts)
          .structure("executionCounts", row.executions(), Result::counts)
          .integer("redriveCount", r.redriveCount())
          .timestamp("redriveDate", r.redriveDate() == null ? null : Instant.ofEpochMilli(r.redriveDate()));
    }

    private static void counts(MapRunCounts c, JsonOutput o) {
      o.longInteger("pending", c.pending())
          .longInteger("running", c.running())
          .longInteger("succeeded", c.succeeded())
          .longInteger("failed", c.failed())
          .longInteger("timedOut", c.timedOut())
          .longInteger("aborted", c.aborted())
          .longInteger("total", c.total())
          .longInteger("resultsWritten", c.resultsWritten())
          .longInteger("failuresNotRedrivable", c.failuresNotRedrivable())
          .longInteger("pendingRedrive", c.pendingRedrive());
    }
  }

  @Override
  public String name() {
    return "DescribeMapRun";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("mapRunArn", Shapes.LONG_ARN, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    MapRuns.parse(r.mapRunArn());
    return new Result(store.mapRun(r.mapRunArn(), context.now().toEpochMilli()).orElseThrow(() -> MapRuns.notFound(r.mapRunArn())));
  }
}
