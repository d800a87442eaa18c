package io.stepwise.server.operations.executions;

import io.stepwise.runtime.Refusal;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.protocol.StringShape;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: a callback's or an activity worker's answer, by task token. */
public final class TaskAnswers {
  static final StringShape TOKEN = StringShape.length(1, 2048);
  static final StringShape OUTPUT = StringShape.length(null, 262_144).sensitiveValue();

  private TaskAnswers() {}

  public record Answer(String taskToken, String output, String error, String cause) {}

  private interface Send {
    void to(Executions e, Answer a);
  }

  private record Kind(String name, Send send) implements Operation<Answer, Response> {
    @Override
    public Answer read(JsonInput in) {
      return new Answer(in.string("taskToken", TOKEN, true),
          name.equals("SendTaskSuccess") ? in.string("output", OUTPUT, true) : null,
          name.equals("SendTaskFailure") ? in.string("error", StopExecution.ERROR, false) : null,
          name.equals("SendTaskFailure") ? in.string("cause", StopExecution.CAUSE, false) : null);
    }

    @Override
    public Response handle(Answer a, RequestContext context) {
      throw new UnsupportedOperationException("bound below");
    }
  }

  private record Bound(Kind kind, Executions executions) implements Operation<Answer, Response> {
    @Override
    public String name() {
      return kind.name();
    }

    @Override
    public Answer read(JsonInput in) {
      return kind.read(in);
    }

    @Override
    public Response handle(Answer a, RequestContext context) {
      try {
        kind.send().to(executions, a);
        return Response.EMPTY;
      } catch (Refusal r) {
        if (r.kind() == Refusal.Kind.TASK_DOES_NOT_EXIST) {
          throw ApiException.client("TaskDoesNotExist", "Task Does Not Exist: the task token is not one Stepwise gave out");
        }
        throw Executions.error(r, a.taskToken());
      }
    }
  }

  public static Operation<Answer, Response> success(Executions e) {
    return new Bound(new Kind("SendTaskSuccess", (x, a) -> x.runtime.sendSuccess(a.taskToken(), Executions.outputJson(a.output()))), e);
  }

  public static Operation<Answer, Response> failure(Executions e) {
    return new Bound(new Kind("SendTaskFailure", (x, a) -> x.runtime.sendFailure(a.taskToken(), a.error(), a.cause())), e);
  }

  public static Operation<Answer, Response> heartbeat(Executions e) {
    return new Bound(new Kind("SendTaskHeartbeat", (x, a) -> x.runtime.heartbeat(a.taskToken())), e);
  }
}
