package io.stepwise.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.LambdaFunction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Local stand-ins for the corpus's eight Python Lambda handlers ({@code lambdas/*.py}),
 * returning what the Python 3.12 Lambda runtime returned to Step Functions.
 *
 * <ul>
 *   <li>{@code echo_function}: {@code {"Return": "HelloWorld"}}.
 *   <li>{@code id_function}: the event.
 *   <li>{@code raise_exception} / {@code raise_custom_exception}: fail with the error type
 *       ({@code Exception} / {@code CustomException}) and, as cause, the runtime's error payload
 *       as Python's {@code json.dumps} writes it: {@code {"errorMessage": ..., "errorType": ...,
 *       "requestId": <uuid>, "stackTrace": [...]}} (", " and ": " separators). That is the form a
 *       Lambda-ARN Task records; {@code arn:aws:states:::lambda:invoke} records the same object
 *       re-serialised compactly, which is the business of the Lambda emulation
 *       ({@code stepwise-integrations}).
 *   <li>{@code return_bytes_str}: the handler returns the bytes {@code "HelloWorld!"} (with the
 *       quotes), which the runtime passes through as the payload: the JSON string HelloWorld!.
 *   <li>{@code return_decorated_input}: {@code "input-event-" + str(event)}, with Python's
 *       {@code str()} of the event ({@code {'a': 1}}, {@code None}, {@code ['x']}).
 *   <li>{@code large_output_string}: 257 KiB of 'a' (raw bytes in Python, passed through as the
 *       payload); here a JSON string of that length, so the result is over the 256 KiB limit.
 *   <li>{@code wait_60_seconds}: returns the event after a delay. The corpus only uses it under
 *       {@code TimeoutSeconds: 5}, so what matters is that the call is still in flight when the
 *       task's timeout fires; with fast time the engine fires it as soon as the call has been
 *       in flight a moment. The delay is real wall time (default 2 s, interruptible) rather
 *       than 60 s so an engine that does not time the task out fails the case quickly.
 * </ul>
 */
public final class EmulatedLambdas {
  /** The handler names, as {@code expected.needs} spells them after "lambda:". */
  public static final Set<String> HANDLERS =
      new TreeSet<>(
          Set.of(
              "echo_function",
              "id_function",
              "raise_exception",
              "raise_custom_exception",
              "return_bytes_str",
              "return_decorated_input",
              "large_output_string",
              "wait_60_seconds"));

  /** The default stand-in for wait_60_seconds' 60 s of sleep. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

  private static final int LARGE_OUTPUT_BYTES = 257 * 1024;

  private EmulatedLambdas() {}

  /** The stand-in for a handler, or null for an unknown name. */
  public static LambdaFunction forHandler(String handler) {
    return forHandler(handler, DEFAULT_WAIT, () -> UUID.randomUUID().toString());
  }

  /**
   * The stand-in for a handler.
   *
   * @param wait how long wait_60_seconds really sleeps before returning the event
   * @param requestIds where the raise handlers take their request ids from
   */
  public static LambdaFunction forHandler(String handler, Duration wait, Supplier<String> requestIds) {
    return switch (handler) {
      case "echo_function" -> event -> PyJson.nodes().objectNode().put("Return", "HelloWorld");
      case "id_function" -> event -> event == null ? PyJson.nodes().nullNode() : event.deepCopy();
      case "raise_exception" -> event -> {
        throw new TaskFailure(
            "Exception",
            errorPayload(
                "Some exception was raised.",
                "Exception",
                requestIds.get(),
                "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n"));
      };
      case "raise_custom_exception" -> event -> {
        throw new TaskFailure(
            "CustomException",
            errorPayload(
                "",
                "CustomException",
                requestIds.get(),
                "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n"));
      };
      case "return_bytes_str" -> event -> TextNode.valueOf("HelloWorld!");
      case "return_decorated_input" -> event -> TextNode.valueOf("input-event-" + PyJson.pyStr(event));
      case "large_output_string" -> event -> TextNode.valueOf("a".repeat(LARGE_OUTPUT_BYTES));
      case "wait_60_seconds" -> event -> {
        Thread.sleep(wait.toMillis());
        return event == null ? PyJson.nodes().nullNode() : event.deepCopy();
      };
      default -> null;
    };
  }

  /** The Python runtime's error response, serialised as Python's json.dumps writes it. */
  static String errorPayload(String message, String type, String requestId, String frame) {
    ObjectNode o = PyJson.nodes().objectNode();
    o.put("errorMessage", message);
    o.put("errorType", type);
    o.put("requestId", requestId);
    o.putArray("stackTrace").add(frame);
    return PyJson.dumps(o);
  }

  /**
   * The functions a case deploys, keyed by function name and by ARN, each mapped to its
   * handler's stand-in. Cases name their handlers in {@code expected.lambdas}; a case that
   * only lists {@code needs} (one handler) gets that handler under "*".
   */
  public static Map<String, LambdaFunction> forCase(ConformanceCase c, Duration wait) {
    Map<String, LambdaFunction> out = new LinkedHashMap<>();
    for (ConformanceCase.LambdaRef ref : c.lambdas().values()) {
      LambdaFunction fn = forHandler(ref.handler(), wait, () -> UUID.randomUUID().toString());
      if (fn == null) {
        throw new IllegalArgumentException("case " + c.id() + " deploys an unknown handler: " + ref.handler());
      }
      out.put(ref.name(), fn);
      if (ref.arn() != null) {
        out.put(ref.arn(), fn);
      }
    }
    if (out.isEmpty()) {
      List<String> handlers = c.needs().stream().filter(s -> s.startsWith("lambda:")).map(s -> s.substring(7)).toList();
      if (handlers.size() == 1) {
        LambdaFunction fn = forHandler(handlers.get(0), wait, () -> UUID.randomUUID().toString());
        if (fn == null) {
          throw new IllegalArgumentException("case " + c.id() + " needs an unknown handler: " + handlers.get(0));
        }
        out.put("*", fn);
      } else if (handlers.size() > 1) {
        throw new IllegalArgumentException("case " + c.id() + " needs several handlers but does not say which function is which");
      }
    }
    return out;
  }
}
