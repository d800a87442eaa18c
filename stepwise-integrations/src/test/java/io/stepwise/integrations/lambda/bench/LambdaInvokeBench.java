package io.stepwise.integrations.lambda.bench;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.lambda.LambdaFunctions;
import io.stepwise.integrations.lambda.command.CommandTarget;
import io.stepwise.integrations.lambda.command.Runtimes;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Not a unit test: the cost of a warm local-command Lambda call (docs/benchmarks.md,
 * "Integrations"). One execution at a time of a one-Task machine, in the in-memory engine:
 * through a Python worker (the bundled helper, an identity handler), through a Java function
 * (the engine and the Lambda integration alone), and the worker called directly (the protocol
 * alone). Prints median and p99 per call.
 *
 * <p>Arguments: calls (default 5000), resource style {@code arn} or {@code invoke} (default arn).
 */
public final class LambdaInvokeBench {
  private LambdaInvokeBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    boolean invoke = args.length > 1 && args[1].equals("invoke");
    Path dir = Files.createTempDirectory("lambda-bench");
    Files.writeString(dir.resolve("identity.py"), "def handler(event, context):\n    return event\n");
    Runtimes.extract(Runtimes.PYTHON, dir);
    CommandTarget python = new CommandTarget(new FunctionSpec.Command("identity", "python3",
        List.of("stepwise_lambda.py", "identity.handler"), Map.of(), dir, 1, Duration.ofSeconds(30), 128), Map.of());
    String resource = invoke ? "arn:aws:states:::lambda:invoke" : "arn:aws:lambda:us-east-1:123456789012:function:identity";
    String params = invoke ? ",\"Parameters\":{\"FunctionName\":\"identity\",\"Payload.$\":\"$\"}" : "";
    StateMachine machine = StateMachineParser.parse(
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\"" + params + ",\"End\":true}}}");
    String input = "{\"order\":42,\"items\":[\"tea\",\"milk\"],\"total\":7.5}";
    try (Engine viaPython = engine("identity", python); Engine viaJava = engine("identity", null)) {
      report("Task -> Python worker (" + (invoke ? "lambda:invoke" : "Lambda ARN") + ")", times(viaPython, machine, input, n));
      report("Task -> Java function (" + (invoke ? "lambda:invoke" : "Lambda ARN") + ")", times(viaJava, machine, input, n));
      long[] direct = new long[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        python.invoke(InvokeRequest.of("identity", "identity", "arn", null, Json.parse(input), UUID.randomUUID().toString()));
        direct[i] = System.nanoTime() - t0;
      }
      report("the worker called directly (protocol only)", direct);
    } finally {
      python.close();
    }
  }

  private static Engine engine(String name, LambdaTarget target) {
    LambdaFunctions.Builder b = LambdaFunctions.withSystemClockAndRandomIds();
    if (target == null) {
      b.function(name, e -> e);
    } else {
      b.target(name, target);
    }
    return Engine.builder().handler(b.build()).build();
  }

  private static long[] times(Engine engine, StateMachine machine, String input, int n) {
    for (int i = 0; i < Math.min(1000, n); i++) {
      run(engine, machine, input, "warm-" + i);
    }
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      run(engine, machine, input, "run-" + i);
      t[i] = System.nanoTime() - t0;
    }
    return t;
  }

  private static void run(Engine engine, StateMachine machine, String input, String name) {
    var r = engine.run(machine, input, RunOptions.defaults().withNames("bench", name));
    if (r.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(name + ": " + r.error() + " " + r.cause());
    }
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double median = s[s.length / 2] / 1e6;
    double p99 = s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6;
    System.out.printf(Locale.ROOT, "%-48s n=%d  median %.3f ms  p99 %.3f ms%n", what, s.length, median, p99);
  }
}
