package io.stepwise.server.operations.executions;

import io.stepwise.runtime.DurableRuntime;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.protocol.StringShape;
import java.util.Optional;

/**
 * GetActivityTask: a long poll of up to 60 seconds for the oldest task of the activity no worker
 * has taken; its ActivityStarted (with the worker's name) is stored before it is handed out. No
 * task in time answers without a token, as AWS does.
 */
public final class GetActivityTask implements Operation<GetActivityTask.Request, GetActivityTask.Result> {
  static final long POLL_MILLIS = 60_000;
  static final StringShape WORKER = StringShape.length(1, 80);

  private final Executions executions;
  private final long pollMillis;

  public GetActivityTask(Executions executions, long pollMillis) {
    this.executions = executions;
    this.pollMillis = pollMillis;
  }

  public GetActivityTask(Executions executions) {
    this(executions, POLL_MILLIS);
  }

  public record Request(String activityArn, String workerName) {}

  public record Result(Optional<DurableRuntime.ActivityTask> task) implements Response {
    @Override
    public void write(JsonOutput out) {
      task.ifPresent(t -> out.string("taskToken", t.taskToken()).string("input", t.input()));
    }
  }

  @Override
  public String name() {
    return "GetActivityTask";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("activityArn", Shapes.ARN, true), in.string("workerName", WORKER, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseActivity(r.activityArn());
    executions.services.registry().read(v -> v.activity(r.activityArn())).orElseThrow(() -> Errors.activityDoesNotExist(r.activityArn()));
    try {
      return new Result(executions.runtime.pollActivity(r.activityArn(), r.workerName(), pollMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(Optional.empty()); // the server is stopping: no task
    }
  }
}
