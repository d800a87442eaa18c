package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.task.LambdaFunction;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskInvoker;
import io.stepwise.engine.task.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Runs one pending task through whatever handles its resource and turns the result or failure
 * into an outcome. Lambda functions are reached both by their ARN and through
 * {@code arn:aws:states:::lambda:invoke}, whose output carries the service's response envelope.
 */
final class Invocations {
  private final EngineConfig config;

  Invocations(EngineConfig config) {
    this.config = config;
  }

  PendingTask.Outcome invoke(Command.ScheduleTask task) {
    long id = task.scheduledEventId();
    try {
      JsonNode out = call(task);
      return new PendingTask.Outcome(id, out == null ? Json.NODES.nullNode() : out, null, null);
    } catch (TaskFailure f) {
      return new PendingTask.Outcome(id, null, f.error(), f.cause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PendingTask.Outcome(id, null, "States.TaskFailed", "The task was interrupted");
    } catch (Exception e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      return new PendingTask.Outcome(id, null, e.getClass().getSimpleName(), msg);
    }
  }

  /** Whether anything registered answers the task: a handler for its resource, a Lambda function, or the fallback. */
  boolean answers(Command.ScheduleTask task) {
    return config.invokers().containsKey(task.request().resource())
        || task.resource().type() == ResourceArn.Type.LAMBDA_FUNCTION
        || task.resource().isLambdaInvoke()
        || config.fallback() != null;
  }

  private JsonNode call(Command.ScheduleTask task) throws Exception {
    TaskRequest req = task.request();
    TaskInvoker exact = config.invokers().get(req.resource());
    if (exact != null) {
      return exact.invoke(req);
    }
    ResourceArn kind = task.resource();
    if (kind.type() == ResourceArn.Type.LAMBDA_FUNCTION) {
      return lambda(req.resource(), kind.functionName()).handle(req.input());
    }
    if (kind.isLambdaInvoke()) {
      String fn = req.input().path("FunctionName").asText();
      JsonNode payload = req.input().has("Payload") ? rawPayload(req.input().get("Payload")) : Json.NODES.objectNode();
      JsonNode result;
      try {
        result = lambda(fn, functionName(fn)).handle(payload);
      } catch (TaskFailure f) {
        throw new TaskFailure(f.error(), compact(f.cause()));
      }
      if (task.isCallback()) {
        return result; // the function's answer stands for the callback it would send
      }
      String logResult = "Tail".equals(req.input().path("LogType").asText()) ? tailLog(fn) : null;
      return envelope(result == null ? Json.NODES.nullNode() : result, logResult);
    }
    if (config.fallback() != null) {
      return config.fallback().invoke(req);
    }
    throw new TaskFailure(
        "States.TaskFailed", "No handler is registered for the resource '" + req.resource() + "'");
  }

  private LambdaFunction lambda(String nameOrArn, String name) {
    LambdaFunction fn = config.lambdas().get(nameOrArn);
    if (fn == null) {
      fn = config.lambdas().get(name);
    }
    if (fn == null) {
      fn = config.lambdas().get("*");
    }
    if (fn == null) {
      String arn = nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:lambda:" + config.region() + ":" + config.account() + ":function:" + name;
      throw new TaskFailure(
          "Lambda.ResourceNotFoundException",
          "Function not found: " + arn + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
              + UUID.randomUUID() + "; Proxy: null)");
    }
    return fn;
  }

  /** A text Payload is sent to Lambda as the request body itself, so JSON text arrives parsed. */
  private static JsonNode rawPayload(JsonNode payload) {
    if (payload.isNull()) {
      return Json.NODES.objectNode(); // a null Payload sends no body; the function gets {}
    }
    if (payload.isTextual()) {
      try {
        return Json.parse(payload.textValue());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return payload;
      }
    }
    return payload;
  }

  /** The Lambda integration passes a function's error payload on as compact JSON. */
  private static String compact(String cause) {
    if (cause == null || !cause.startsWith("{")) {
      return cause;
    }
    try {
      return Json.write(Json.parse(cause));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return cause;
    }
  }

  /** The function name from a name, a partial ARN or a full ARN, without a qualifier. */
  static String functionName(String fn) {
    int i = fn.indexOf(":function:");
    String name = i >= 0 ? fn.substring(i + 10) : fn;
    int q = name.indexOf(':');
    return q < 0 ? name : name.substring(0, q);
  }

  /** The response of Lambda's Invoke API as Step Functions' optimised integration returns it. */
  /** With LogType Tail, Lambda returns the end of the invocation's log, base64-encoded. */
  private static String tailLog(String fn) {
    String log = "START RequestId: " + UUID.randomUUID() + " Version: $LATEST\nEND\nREPORT Function: " + fn + "\n";
    return java.util.Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode envelope(JsonNode payload, String logResult) {
    String requestId = UUID.randomUUID().toString();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String length = Integer.toString(PythonJson.length(payload));
    ObjectNode o = Json.NODES.objectNode();
    o.put("ExecutedVersion", "$LATEST");
    if (logResult != null) {
      o.put("LogResult", logResult);
    }
    o.set("Payload", payload);
    ObjectNode http = o.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    if (logResult != null) {
      all.putArray("X-Amz-Log-Result").add(logResult);
    }
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(length);
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add("Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + requestId.replace("-", "").substring(0, 24));
    all.putArray("Content-Type").add("application/json");
    ObjectNode h = http.putObject("HttpHeaders");
    h.put("Connection", "keep-alive");
    h.put("Content-Length", length);
    h.put("Content-Type", "application/json");
    h.put("Date", date);
    h.put("X-Amz-Executed-Version", "$LATEST");
    if (logResult != null) {
      h.put("X-Amz-Log-Result", logResult);
    }
    h.put("x-amzn-Remapped-Content-Length", "0");
    h.put("x-amzn-RequestId", requestId);
    h.put("X-Amzn-Trace-Id", all.get("X-Amzn-Trace-Id").get(0).asText());
    http.put("HttpStatusCode", 200);
    o.putObject("SdkResponseMetadata").put("RequestId", requestId);
    o.put("StatusCode", 200);
    return o;
  }
}
