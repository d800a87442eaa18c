package io.stepwise.store.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.StepInput;

/**
 * Step inputs as JSON, {@code {"input":"TaskSucceeded","scheduledEventId":5,"output":...}}: for a
 * child's end or an UpdateMapRun kept with its parent ({@code ChildEnding}), and for a server that queues inputs
 * durably before it steps them.
 */
public final class InputCodec {
  private static final String KIND = "input";

  private InputCodec() {}

  public static String encode(StepInput input) {
    return Json.write(toJson(input));
  }

  public static ObjectNode toJson(StepInput input) {
    return switch (input) {
      case StepInput.Start s -> Fields.object(KIND, "Start");
      case StepInput.Continue c -> Fields.object(KIND, "Continue");
      case StepInput.TaskSucceeded t -> {
        ObjectNode o = Fields.object(KIND, "TaskSucceeded").put("scheduledEventId", t.scheduledEventId());
        Fields.value(o, "output", t.output());
        yield o;
      }
      case StepInput.TaskSubmitted t -> {
        ObjectNode o = Fields.object(KIND, "TaskSubmitted").put("scheduledEventId", t.scheduledEventId());
        Fields.value(o, "output", t.output());
        yield o;
      }
      case StepInput.TaskFailed t -> failure(Fields.object(KIND, "TaskFailed").put("scheduledEventId", t.scheduledEventId()), t.error(), t.cause());
      case StepInput.Stop s -> failure(Fields.object(KIND, "Stop"), s.error(), s.cause());
      case StepInput.CallbackSucceeded c -> {
        ObjectNode o = Fields.object(KIND, "CallbackSucceeded").put("taskToken", c.taskToken());
        Fields.value(o, "output", c.output());
        yield o;
      }
      case StepInput.CallbackFailed c -> failure(Fields.object(KIND, "CallbackFailed").put("taskToken", c.taskToken()), c.error(), c.cause());
      case StepInput.ActivityStarted a -> {
        ObjectNode o = Fields.object(KIND, "ActivityStarted").put("taskToken", a.taskToken());
        Fields.text(o, "workerName", a.workerName());
        yield o;
      }
      case StepInput.Heartbeat h -> Fields.object(KIND, "Heartbeat").put("taskToken", h.taskToken());
      case StepInput.ChildExecutionEnded e -> {
        ObjectNode o = Fields.object(KIND, "ChildExecutionEnded").put("executionArn", e.executionArn()).put("status", e.status().name());
        Fields.value(o, "output", e.output());
        if (e.redriveCount() != 0) {
          o.put("redriveCount", e.redriveCount()); // absent before Map Runs were redriven
        }
        yield failure(o, e.error(), e.cause());
      }
      case StepInput.TimerFired f -> Fields.object(KIND, "TimerFired").put("timerId", f.timerId());
      case StepInput.UpdateMapRun u -> {
        ObjectNode o = Fields.object(KIND, "UpdateMapRun").put("mapRunArn", u.mapRunArn());
        if (u.maxConcurrency() != null) {
          o.put("maxConcurrency", u.maxConcurrency());
        }
        if (u.toleratedFailureCount() != null) {
          o.put("toleratedFailureCount", u.toleratedFailureCount());
        }
        if (u.toleratedFailurePercentage() != null) {
          o.put("toleratedFailurePercentage", u.toleratedFailurePercentage());
        }
        yield o;
      }
      case StepInput.Redrive r -> Fields.object(KIND, "Redrive");
    };
  }

  private static ObjectNode failure(ObjectNode o, String error, String cause) {
    Fields.text(o, "error", error);
    Fields.text(o, "cause", cause);
    return o;
  }

  private static double decimal(JsonNode o, String field, String what) {
    JsonNode v = o.get(field);
    if (!v.isNumber()) {
      throw new CodecException(what + ": " + field + " must be a number");
    }
    return v.doubleValue();
  }

  public static StepInput decode(String json) {
    return fromJson(Fields.parse(json, "a step input"));
  }

  public static StepInput fromJson(JsonNode o) {
    String kind = Fields.kind(o, KIND, "a step input");
    String w = "a " + kind + " input";
    return switch (kind) {
      case "Start" -> new StepInput.Start();
      case "Continue" -> new StepInput.Continue();
      case "TaskSucceeded" -> new StepInput.TaskSucceeded(Fields.whole(o, "scheduledEventId", w), Fields.optionalValue(o, "output"));
      case "TaskSubmitted" -> new StepInput.TaskSubmitted(Fields.whole(o, "scheduledEventId", w), Fields.optionalValue(o, "output"));
      case "TaskFailed" -> new StepInput.TaskFailed(Fields.whole(o, "scheduledEventId", w), Fields.optionalText(o, "error", w),
          Fields.optionalText(o, "cause", w));
      case "Stop" -> new StepInput.Stop(Fields.optionalText(o, "error", w), Fields.optionalText(o, "cause", w));
      case "CallbackSucceeded" -> new StepInput.CallbackSucceeded(Fields.requiredText(o, "taskToken", w), Fields.optionalValue(o, "output"));
      case "CallbackFailed" -> new StepInput.CallbackFailed(Fields.requiredText(o, "taskToken", w), Fields.optionalText(o, "error", w),
          Fields.optionalText(o, "cause", w));
      case "ActivityStarted" -> new StepInput.ActivityStarted(Fields.requiredText(o, "taskToken", w), Fields.optionalText(o, "workerName", w));
      case "Heartbeat" -> new StepInput.Heartbeat(Fields.requiredText(o, "taskToken", w));
      case "ChildExecutionEnded" -> new StepInput.ChildExecutionEnded(Fields.requiredText(o, "executionArn", w),
          Fields.constant(o, "status", ExecutionStatus.class, w), Fields.optionalValue(o, "output"), Fields.optionalText(o, "error", w),
          Fields.optionalText(o, "cause", w), o.has("redriveCount") ? Math.toIntExact(Fields.whole(o, "redriveCount", w)) : 0);
      case "TimerFired" -> new StepInput.TimerFired(Fields.whole(o, "timerId", w));
      case "UpdateMapRun" -> new StepInput.UpdateMapRun(Fields.requiredText(o, "mapRunArn", w),
          o.has("maxConcurrency") ? Math.toIntExact(Fields.whole(o, "maxConcurrency", w)) : null,
          o.has("toleratedFailureCount") ? Fields.whole(o, "toleratedFailureCount", w) : null,
          o.has("toleratedFailurePercentage") ? decimal(o, "toleratedFailurePercentage", w) : null);
      case "Redrive" -> new StepInput.Redrive();
      default -> throw new CodecException("a step input: unknown input '" + kind + "'");
    };
  }
}
