package io.stepwise.store.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.TimerKind;
import io.stepwise.engine.task.TaskRequest;

/**
 * Commands as JSON, for the rows a store keeps of them (a task to dispatch is its ScheduleTask).
 * {@code {"command":"ScheduleTask","scheduledEventId":5,"resource":ARN,"request":{...}}}; the
 * resource comes back through {@code ResourceArn.of}, as the engine made it when it loaded the
 * definition. StartChildExecution is not encoded: it holds a compiled state machine, and a child
 * is stored as an execution of its own.
 */
public final class CommandCodec {
  private static final String KIND = "command";

  private CommandCodec() {}

  public static String encode(Command command) {
    return Json.write(toJson(command));
  }

  public static ObjectNode toJson(Command command) {
    return switch (command) {
      case Command.ScheduleTask s -> {
        ObjectNode o = Fields.object(KIND, "ScheduleTask");
        o.put("scheduledEventId", s.scheduledEventId());
        o.put("resource", s.resource().arn());
        o.set("request", request(s.request()));
        mock(o, s.mock());
        yield o;
      }
      case Command.CancelTask c -> {
        ObjectNode o = Fields.object(KIND, "CancelTask");
        o.put("scheduledEventId", c.scheduledEventId());
        o.put("resource", c.resource().arn());
        o.set("request", request(c.request()));
        mock(o, c.mock());
        yield o;
      }
      case Command.StartTimer t -> Fields.object(KIND, "StartTimer").put("timerId", t.timerId()).put("kind", t.kind().name()).put("due", t.due());
      case Command.CancelTimer t -> Fields.object(KIND, "CancelTimer").put("timerId", t.timerId());
      case Command.Continue c -> Fields.object(KIND, "Continue");
      case Command.StopChildExecution s -> Fields.object(KIND, "StopChildExecution").put("executionArn", s.executionArn());
      case Command.Finish f -> Fields.object(KIND, "Finish").put("status", f.status().name());
      case Command.StartChildExecution c -> throw new IllegalArgumentException(
          "StartChildExecution is not encoded: the child " + c.record().executionArn() + " is stored as an execution of its own");
      case Command.PutMapRun p -> throw new IllegalArgumentException(
          "PutMapRun is not encoded: the Map Run " + p.run().mapRunArn() + " is stored as a row of its own");
    };
  }

  public static Command decode(String json) {
    return fromJson(Fields.parse(json, "a command"));
  }

  public static Command fromJson(JsonNode o) {
    String kind = Fields.kind(o, KIND, "a command");
    String what = "a " + kind + " command";
    return switch (kind) {
      case "ScheduleTask" -> new Command.ScheduleTask(Fields.whole(o, "scheduledEventId", what),
          ResourceArn.of(Fields.requiredText(o, "resource", what)), request(Fields.requiredValue(o, "request", what), what + "'s request"),
          mock(Fields.optionalValue(o, "mock"), what + "'s mock"));
      case "CancelTask" -> new Command.CancelTask(Fields.whole(o, "scheduledEventId", what),
          ResourceArn.of(Fields.requiredText(o, "resource", what)), request(Fields.requiredValue(o, "request", what), what + "'s request"),
          mock(Fields.optionalValue(o, "mock"), what + "'s mock"));
      case "StartTimer" -> new Command.StartTimer(Fields.whole(o, "timerId", what), Fields.constant(o, "kind", TimerKind.class, what),
          Fields.whole(o, "due", what));
      case "CancelTimer" -> new Command.CancelTimer(Fields.whole(o, "timerId", what));
      case "Continue" -> new Command.Continue();
      case "StopChildExecution" -> new Command.StopChildExecution(Fields.requiredText(o, "executionArn", what));
      case "Finish" -> new Command.Finish(Fields.constant(o, "status", ExecutionStatus.class, what));
      default -> throw new CodecException("a command: unknown command '" + kind + "'");
    };
  }

  /** A mocked task's call, {"testCase", "response", "call"}, when it has one. */
  private static void mock(ObjectNode o, io.stepwise.engine.mock.MockCall mock) {
    if (mock != null) {
      o.putObject("mock").put("testCase", mock.testCase()).put("response", mock.response()).put("call", mock.call());
    }
  }

  private static io.stepwise.engine.mock.MockCall mock(JsonNode m, String what) {
    if (m == null || m.isNull()) {
      return null;
    }
    long call = Fields.whole(m, "call", what);
    if (call < 0 || call > Integer.MAX_VALUE) {
      throw new CodecException(what + ": call " + call + " is not a call number");
    }
    return new io.stepwise.engine.mock.MockCall(Fields.requiredText(m, "testCase", what), Fields.requiredText(m, "response", what), (int) call);
  }

  private static ObjectNode request(TaskRequest r) {
    ObjectNode o = Json.NODES.objectNode();
    Fields.text(o, "resource", r.resource());
    Fields.value(o, "input", r.input());
    Fields.text(o, "stateName", r.stateName());
    Fields.text(o, "executionArn", r.executionArn());
    Fields.value(o, "context", r.context());
    Fields.text(o, "taskToken", r.taskToken());
    return o;
  }

  private static TaskRequest request(JsonNode o, String what) {
    if (!o.isObject()) {
      throw new CodecException(what + " must be a JSON object");
    }
    return new TaskRequest(Fields.optionalText(o, "resource", what), Fields.optionalValue(o, "input"),
        Fields.optionalText(o, "stateName", what), Fields.optionalText(o, "executionArn", what), Fields.optionalValue(o, "context"),
        Fields.optionalText(o, "taskToken", what));
  }
}
