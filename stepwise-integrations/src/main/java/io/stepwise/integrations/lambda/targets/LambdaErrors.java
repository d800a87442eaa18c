package io.stepwise.integrations.lambda.targets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;

/**
 * The errors Lambda itself raises, in the forms Step Functions passes on: a service error as
 * {@code Lambda.<Code>} with the Java SDK's message ("... (Service: AWSLambda; Status Code: 500;
 * Error Code: ServiceException; Request ID: ...; Proxy: null)"), and the runtime's own function
 * errors ({@code Runtime.ExitError}, {@code Sandbox.Timedout}) as the error payload Lambda returns.
 */
public final class LambdaErrors {
  private LambdaErrors() {}

  /** A Lambda service error: the task fails with {@code Lambda.<code>}. */
  public static TaskFailure service(String code, int status, String message, String requestId) {
    return new TaskFailure("Lambda." + code, serviceCause(message, status, code, requestId));
  }

  /** The cause Step Functions records for a service error (the Java SDK's exception message). */
  public static String serviceCause(String message, int status, String code, String requestId) {
    return message + " (Service: AWSLambda; Status Code: " + status + "; Error Code: " + code + "; Request ID: " + requestId
        + "; Proxy: null)";
  }

  /** An error the runtime reports for the function, as Lambda's payload: {"errorMessage": ..., "errorType": ...}. */
  public static String runtimeError(String type, String requestId, String message) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("errorMessage", "RequestId: " + requestId + " Error: " + message);
    o.put("errorType", type);
    return Json.write(o);
  }

  /** The function ran past its timeout: Lambda stops it and returns this. */
  public static InvokeResult timedOut(String requestId, long timeoutMillis) {
    String secs = String.format(java.util.Locale.ROOT, "%.2f", timeoutMillis / 1000.0);
    return InvokeResult.failed(runtimeError("Sandbox.Timedout", requestId, "Task timed out after " + secs + " seconds"), null);
  }

  /** The function's process ended while it ran an invocation. */
  public static InvokeResult exited(String requestId, int exitCode) {
    return InvokeResult.failed(runtimeError("Runtime.ExitError", requestId, exitDescription(exitCode)), null);
  }

  /** The function's process could not be started at all. */
  public static InvokeResult cannotStart(String requestId, String why) {
    return InvokeResult.failed(runtimeError("Runtime.InvalidEntrypoint", requestId, why), null);
  }

  /** Lambda's words for how a runtime ended: "exit status 1", "signal: killed", or no reason for a clean exit. */
  static String exitDescription(int code) {
    if (code == 0) {
      return "Runtime exited without providing a reason";
    }
    if (code > 128) {
      String signal = switch (code - 128) {
        case 9 -> "killed";
        case 15 -> "terminated";
        case 6 -> "aborted";
        case 11 -> "segmentation fault";
        case 2 -> "interrupt";
        default -> "signal " + (code - 128);
      };
      return "Runtime exited with error: signal: " + signal;
    }
    return "Runtime exited with error: exit status " + code;
  }
}
