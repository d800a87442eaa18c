package io.stepwise.integrations.lambda.command;

import io.stepwise.integrations.lambda.config.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Python handler for the tests, run through the bundled helper: it does what its event's "action" says. */
final class PythonFunction {
  static final String HANDLER = """
      import os, sys, time
      calls = 0
      def handler(event, context):
          global calls
          calls += 1
          action = event.get("action") if isinstance(event, dict) else None
          if action == "crash":
              os._exit(3)
          if action == "sleep":
              time.sleep(event["seconds"])
          if action == "fail":
              raise KeyError("missing")
          if action == "touch":
              with open(event["path"], "a") as f:
                  f.write(context.aws_request_id + "\\n")
          if action == "noise":
              sys.__stdout__.write("not a response\\n")
              sys.__stdout__.flush()
          print("called", calls)
          cc = context.client_context
          return {"calls": calls, "pid": os.getpid(), "event": event, "function": context.function_name,
                  "arn": context.invoked_function_arn, "requestId": context.aws_request_id,
                  "custom": cc.custom if cc else None, "color": os.environ.get("COLOR"),
                  "remainingPositive": context.get_remaining_time_in_millis() > 0}
      """;

  private PythonFunction() {}

  /** Writes the handler and the helper into {@code dir}: a command function spec running it. */
  static FunctionSpec.Command spec(Path dir, String name, int concurrency, Duration timeout) throws IOException {
    Files.writeString(dir.resolve("fixture.py"), HANDLER);
    Runtimes.extract(Runtimes.PYTHON, dir);
    return new FunctionSpec.Command(name, "python3", List.of("stepwise_lambda.py", "fixture.handler"), Map.of("COLOR", "green"), dir,
        concurrency, timeout, 256);
  }
}
