package io.stepwise.cli.apibench;

import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.store.ExecutionQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Durable throughput through the API (not a unit test): a server on a SQLite file in this process,
 * N Standard executions of a workload started by C concurrent callers, timed from the first start
 * until every one has ended in the store. Usage: {@code ApiThroughput DEFINITION INPUT_JSON
 * [executions] [concurrency] [raw|sdk|sdk-describe]}.
 *
 * <p>The callers are {@code raw} (the default: {@link RawJsonClient}, one kept-alive connection
 * each, so the figure is the server's), {@code sdk} (the AWS SDK for Java v2's SfnClient, whose
 * own marshalling, signing and connection handling then share the two cores with the server), or
 * {@code sdk-describe} (SfnClient calling DescribeStateMachine: what the SDK alone reaches here).
 * Besides the rate it prints the group commits (how many writes each held, how long each took)
 * and, on Linux, the system calls and bytes of the committing thread per commit.
 */
public final class ApiThroughput {
  public static void main(String[] args) throws Exception {
    String definition = Files.readString(Path.of(args[0]));
    String input = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    String client = args.length > 4 ? args[4] : "raw";
    if (!client.equals("raw") && !client.equals("sdk") && !client.equals("sdk-describe")) {
      throw new IllegalArgumentException("the client is raw, sdk or sdk-describe, not " + client);
    }
    Path data = Files.createTempDirectory("stepwise-api-bench");
    try (Engine engine = Engine.builder().build()) {
      ExecutionBackend backend = ExecutionBackend.open(data, engine, InstantSource.system());
      Server server = Server.builder(ServerConfig.defaults().withPort(0).withLimits(ServerLimits.defaults().withMaxInFlightRequests(4096)))
          .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))).build().start();
      SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
          .httpClient(UrlConnectionHttpClient.create()).build();
      String sm = sfn.createStateMachine(b -> b.name("bench").definition(definition).roleArn("arn:aws:iam::123456789012:role/b"))
          .stateMachineArn();
      String body = "{\"stateMachineArn\":\"" + sm + "\",\"input\":" + TextNode.valueOf(input) + "}";
      Call call = switch (client) {
        case "raw" -> {
          ThreadLocal<RawJsonClient> raw = ThreadLocal.withInitial(() -> {
            try {
              return new RawJsonClient(server.endpoint());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
          String[] answer = new String[1];
          yield () -> {
            if (raw.get().call("StartExecution", body, answer) != 200) {
              throw new IllegalStateException(answer[0]);
            }
          };
        }
        case "sdk" -> () -> sfn.startExecution(b -> b.stateMachineArn(sm).input(input));
        default -> () -> sfn.describeStateMachine(b -> b.stateMachineArn(sm));
      };
      for (int i = 0; i < 2_000; i++) {
        call.run(); // warm-up: the JIT, the connections
      }
      Map<String, Long> io0 = writerIo();
      long[] cw0 = backend.runtime().commitsAndWrites();
      long[] latencies = new long[n];
      AtomicInteger next = new AtomicInteger();
      long t0 = System.nanoTime();
      try (ExecutorService callers = Executors.newFixedThreadPool(concurrency)) {
        for (int c = 0; c < concurrency; c++) {
          callers.execute(() -> {
            try {
              for (int i; (i = next.getAndIncrement()) < n; ) {
                long began = System.nanoTime();
                call.run();
                latencies[i] = System.nanoTime() - began;
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
      }
      long answered = System.nanoTime();
      while (backend.store().executions(ExecutionQuery.stateMachine(sm).withStatus(ExecutionStatus.RUNNING).withLimit(1)).items().size() > 0) {
        Thread.sleep(5);
      }
      long done = System.nanoTime();
      long[] cw = backend.runtime().commitsAndWrites();
      Map<String, Long> io1 = writerIo();
      long commits = cw[0] - cw0[0];
      StringBuilder io = new StringBuilder("{\"writer_io_per_commit\":{");
      for (String k : io1.keySet()) {
        io.append('"').append(k).append("\":").append(String.format("%.1f", (io1.get(k) - io0.getOrDefault(k, 0L)) / (double) Math.max(1, commits))).append(',');
      }
      System.out.println(io.append("\"commits\":").append(commits).append("}}"));
      System.out.printf("{\"commits\":%d,\"writes_per_commit\":%.1f,\"ms_per_commit\":%.2f}%n", commits,
          (double) (cw[1] - cw0[1]) / Math.max(1, commits), (cw[2] - cw0[2]) / 1e6 / Math.max(1, commits));
      Arrays.sort(latencies);
      System.out.printf("{\"client\":\"%s\",\"executions\":%d,\"concurrency\":%d,\"calls_per_s\":%.0f,\"executions_per_s\":%.0f,"
              + "\"p50_ms\":%.2f,\"p99_ms\":%.2f}%n", client, n, concurrency, n / ((answered - t0) / 1e9), n / ((done - t0) / 1e9),
          latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
      sfn.close();
      server.stop();
      backend.close();
    }
  }

  private interface Call {
    void run() throws IOException;
  }

  /** The group-commit thread's I/O counters (Linux /proc), to see what a commit costs in system calls. */
  static Map<String, Long> writerIo() throws IOException {
    Map<String, Long> m = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return m;
    }
    try (var ts = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) ts::iterator) {
        try {
          if (Files.readString(t.resolve("comm")).startsWith("stepwise-group")) {
            for (String line : Files.readAllLines(t.resolve("io"))) {
              String[] kv = line.split(":\\s*");
              m.put(kv[0], Long.parseLong(kv[1].trim()));
            }
          }
        } catch (IOException gone) {
          // the thread ended while listed
        }
      }
    }
    return m;
  }
}
