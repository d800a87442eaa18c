package io.stepwise.server.operations.mapruns;

import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.step.StepInput;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.runtime.Refusal;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.IntShape;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.store.MapRunRow;
import io.stepwise.store.Store;

/**
 * UpdateMapRun: a running Map Run takes new settings, as a step of the execution that runs it,
 * stored before this answers. A higher maxConcurrency starts more children at once; tolerances
 * that the failures so far exceed fail the run at once (inferred: AWS documents only that the
 * settings of an in-progress run change). A run that has ended is ValidationException with
 * reason CANNOT_UPDATE_COMPLETED_MAP_RUN, and a request that changes nothing is
 * ValidationException with reason MISSING_REQUIRED_PARAMETER (both reasons are the model's; the
 * messages and the second case are inferred).
 */
public final class UpdateMapRun implements Operation<UpdateMapRun.Request, UpdateMapRun.Result> {
  private static final IntShape MAX_CONCURRENCY = IntShape.range(0, null);

  private final Store store;
  private final DurableRuntime runtime;

  public UpdateMapRun(Store store, DurableRuntime runtime) {
    this.store = store;
    this.runtime = runtime;
  }

  public record Request(String mapRunArn, Integer maxConcurrency, Double toleratedFailurePercentage, Long toleratedFailureCount) {}

  public record Result() implements Response {
    @Override
    public void write(JsonOutput out) {}
  }

  @Override
  public String name() {
    return "UpdateMapRun";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("mapRunArn", Shapes.LONG_ARN, true), in.integer("maxConcurrency", MAX_CONCURRENCY, false),
        in.decimal("toleratedFailurePercentage", 0.0, 100.0, false), in.longInteger("toleratedFailureCount", 0L, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    MapRuns.parse(r.mapRunArn());
    MapRunRow row = store.mapRun(r.mapRunArn()).orElseThrow(() -> MapRuns.notFound(r.mapRunArn()));
    if (r.maxConcurrency() == null && r.toleratedFailurePercentage() == null && r.toleratedFailureCount() == null) {
      throw Errors.validation("At least one of maxConcurrency, toleratedFailurePercentage and toleratedFailureCount must be given",
          "MISSING_REQUIRED_PARAMETER");
    }
    if (row.run().status() != MapRunStatus.RUNNING) {
      throw completed(r.mapRunArn());
    }
    try {
      runtime.updateMapRun(row.run().executionArn(),
          new StepInput.UpdateMapRun(r.mapRunArn(), r.maxConcurrency(), r.toleratedFailureCount(), r.toleratedFailurePercentage()));
    } catch (Refusal refusal) {
      throw switch (refusal.kind()) {
        // it ended between the read and the step
        case EXECUTION_ENDED, REFUSED_BY_EXECUTION, EXECUTION_DOES_NOT_EXIST -> completed(r.mapRunArn());
        case OVERLOADED -> new ApiException(400, "ThrottlingException", "Rate exceeded");
        default -> new ApiException(500, "InternalFailure", refusal.getMessage());
      };
    }
    return new Result();
  }

  private static ApiException completed(String arn) {
    return Errors.validation("Map Run is not running and cannot be updated: '" + arn + "'", "CANNOT_UPDATE_COMPLETED_MAP_RUN");
  }
}
