package io.stepwise.cli.apibench;

import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.store.ExecutionQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SplittableRandom;
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
 * N Standard executions of the `ten` workload started by C concurrent SfnClient callers, timed
 * from the first start until every one is SUCCEEDED in the store. Usage: ApiThroughput DEFINITION
 * INPUT_JSON [executions] [concurrency].
 */
public final class ApiThroughput {
  public static void main(String[] args) throws Exception {
    String definition = Files.readString(Path.of(args[0]));
    String input = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    Path data = Files.createTempDirectory("stepwise-api-bench");
    try (Engine engine = Engine.builder().build()) {
      ExecutionBackend backend = ExecutionBackend.open(data, engine, InstantSource.system());
      Server server = Server.builder(ServerConfig.defaults().withPort(0).withLimits(ServerLimits.defaults().withMaxInFlightRequests(4096)))
          .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))).build().start();
      SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
          .httpClient(UrlConnectionHttpClient.create()).build();
      String sm = sfn.createStateMachine(b -> b.name("ten").definition(definition).roleArn("arn:aws:iam::123456789012:role/b"))
          .stateMachineArn();
      for (int i = 0; i < 200; i++) {
        sfn.startExecution(b -> b.stateMachineArn(sm).input(input)); // warm-up
      }
      AtomicInteger next = new AtomicInteger();
      long t0 = System.nanoTime();
      try (ExecutorService callers = Executors.newFixedThreadPool(concurrency)) {
        for (int c = 0; c < concurrency; c++) {
          callers.execute(() -> {
            while (next.getAndIncrement() < n) {
              sfn.startExecution(b -> b.stateMachineArn(sm).input(input));
            }
          });
        }
      }
      long started = System.nanoTime();
      while (backend.store().executions(ExecutionQuery.stateMachine(sm).withStatus(ExecutionStatus.RUNNING).withLimit(1)).items().size() > 0) {
        Thread.sleep(5);
      }
      long done = System.nanoTime();
      long[] cw = backend.runtime().commitsAndWrites();
      System.out.printf("{\"commits\":%d,\"writes\":%d,\"writes_per_commit\":%.1f}%n", cw[0], cw[1], (double) cw[1] / Math.max(1, cw[0]));
      System.out.printf("{\"executions\":%d,\"concurrency\":%d,\"start_calls_per_s\":%.0f,\"executions_per_s\":%.0f}%n",
          n, concurrency, n / ((started - t0) / 1e9), n / ((done - t0) / 1e9));
      sfn.close();
      server.stop();
      backend.close();
    }
  }
}
