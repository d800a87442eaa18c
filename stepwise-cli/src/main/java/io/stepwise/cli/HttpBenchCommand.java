package io.stepwise.cli;

import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.http.HttpInvoke;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise bench-http}: what an HTTP Task costs over the call itself. A JDK HTTP server on
 * 127.0.0.1 answers a small JSON body; the same POST is made, one at a time, directly with the
 * JDK's HTTP client, through the HTTP Task's handler alone, and as a one-Task state machine run
 * in memory (its whole execution: start, the task, its events, the end). Prints the median and
 * the 99th percentile of each.
 */
@Command(
    name = "bench-http",
    mixinStandardHelpOptions = true,
    description = "Measures an HTTP Task against a local HTTP server beside the same call made directly (median and p99 per call).",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
final class HttpBenchCommand implements Callable<Integer> {
  @Option(names = "--calls", paramLabel = "N", defaultValue = "20000", description = "Calls measured each way (default ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5000", description = "Calls made first each way, not measured (default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    byte[] answer = "{\"ok\":true,\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/orders";
    String body = "{\"order\":\"o-1\",\"qty\":2}";
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest direct = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      Call directCall = () -> {
        HttpResponse<byte[]> r = client.send(direct, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("status " + r.statusCode());
        }
      };
      HttpInvoke invoke = new HttpInvoke();
      var params = Json.parse("{\"ApiEndpoint\":\"" + url + "\",\"Method\":\"POST\",\"RequestBody\":" + body + "}");
      TaskRequest request = new TaskRequest(HttpInvoke.RESOURCE, params, "Call", "arn:aws:states:us-east-1:123456789012:execution:M:e", null, null);
      ResourceArn arn = ResourceArn.of(HttpInvoke.RESOURCE);
      Call handlerCall = () -> invoke.invoke(arn, request);
      StateMachine machine = StateMachineParser.parse("""
          {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"%s","Method":"POST","RequestBody.$":"$"},"ResultSelector":{"id.$":"$.ResponseBody.id"},"End":true}}}"""
          .formatted(url));
      try (Engine engine = Engine.builder().handler(invoke).build()) {
        var input = Json.parse(body);
        RunOptions options = RunOptions.defaults().withNames("M", "bench");
        Call taskCall = () -> {
          if (engine.run(machine, input, options).status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("the execution did not succeed");
          }
        };
        // every way warmed first (the server and the client too), so that none pays for the others' warm-up
        for (Call c : new Call[] {directCall, handlerCall, taskCall}) {
          for (int i = 0; i < warmup; i++) {
            c.run();
          }
        }
        report("direct (JDK HttpClient)", measure(directCall));
        report("HTTP Task handler (HttpInvoke)", measure(handlerCall));
        report("HTTP Task state, whole execution in memory", measure(taskCall));
      } catch (IllegalStateException failed) {
        System.err.println("stepwise bench-http: " + failed.getMessage());
        return ExitCodes.FAILED;
      }
    } finally {
      server.stop(0);
    }
    return ExitCodes.OK;
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private long[] measure(Call call) throws Exception {
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, long[] sorted) {
    double median = sorted[sorted.length / 2] / 1000.0;
    double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
    System.out.printf("%-45s median %8.1f us   p99 %8.1f us   (%d calls)%n", what, median, p99, sorted.length);
  }
}
