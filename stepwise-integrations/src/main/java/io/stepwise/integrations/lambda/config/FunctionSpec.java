package io.stepwise.integrations.lambda.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One function of the configuration file's {@code functions:} section, checked ({@link FunctionsConfig}). */
public sealed interface FunctionSpec {
  /** The function's name, as tasks name it. */
  String name();

  /** {@code command}, {@code url} or {@code aws}. */
  String kind();

  /** What it runs or calls, for the log and {@code stepwise functions list}. */
  String target();

  /**
   * A local command, run as a long-lived worker speaking the line protocol (docs/integrations.md).
   *
   * @param workdir where it runs (absolute: relative paths in the file start at its folder)
   * @param concurrency how many workers may run at once, each one invocation at a time
   * @param timeout the function's timeout: past it the worker is stopped and the call fails with Sandbox.Timedout
   * @param memoryMb what the function's context reports as its memory
   */
  record Command(String name, String command, List<String> args, Map<String, String> env, Path workdir, int concurrency,
      Duration timeout, int memoryMb) implements FunctionSpec {
    @Override
    public String kind() {
      return "command";
    }

    @Override
    public String target() {
      StringBuilder sb = new StringBuilder(command);
      args.forEach(a -> sb.append(' ').append(a));
      return sb + " (in " + workdir + ", " + concurrency + (concurrency == 1 ? " worker" : " workers") + ")";
    }
  }

  /** An HTTP endpoint: the event is POSTed as JSON and the response body is the result. */
  record Url(String name, URI url, Duration timeout, int memoryMb) implements FunctionSpec {
    @Override
    public String kind() {
      return "url";
    }

    @Override
    public String target() {
      return url.toString();
    }
  }

  /**
   * A real Lambda function, invoked through the SDK: on the {@code services.lambda} endpoint when
   * one is set, else on AWS.
   *
   * @param function the remote function's name or ARN
   * @param region its region; null: the ARN's, else {@code services.lambda}'s, else the server's
   */
  record Aws(String name, String function, String region) implements FunctionSpec {
    @Override
    public String kind() {
      return "aws";
    }

    @Override
    public String target() {
      return function + (region == null ? "" : " in " + region);
    }
  }
}
