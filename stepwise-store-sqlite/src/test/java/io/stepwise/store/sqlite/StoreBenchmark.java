package io.stepwise.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.CommitQueueFullException;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.NewExecution;
import io.stepwise.store.StepWrite;
import io.stepwise.store.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits per second of the SQLite store, fsync on (a test-scope main, not a timed test: see
 * docs/benchmarks.md, "Store"). Each write is a {@code ten} execution of the shared bench
 * workloads: created with its one step (ExecutionStarted to ExecutionSucceeded, 22 events), as
 * StartExecution stores it. Two parts: batches of a given size committed straight to the store
 * (the time of one group commit), and the group committer fed by many threads for a while (the
 * executions a server could make durable per second).
 *
 * <p>Arguments: the directory for the database files (default: a temporary one), then the
 * seconds the group-commit part runs (default 10).
 */
public final class StoreBenchmark {
  private final Engine engine = Engine.builder().region("us-east-1").account("111111111111").build();
  private final StateMachine ten;
  private final AtomicLong names = new AtomicLong();

  private StoreBenchmark() throws IOException {
    try (InputStream in = StoreBenchmark.class.getResourceAsStream("/ten-state.asl.json")) {
      ten = StateMachineParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A ten execution made and stepped once: the write StartExecution commits. */
  private NewExecution ten() {
    long n = names.incrementAndGet();
    JsonNode input = Json.NODES.objectNode().put("n", n % 10_000);
    Stepper stepper = engine.stepper(ten, input, new RunOptions("ten", "e-" + n, "arn:aws:iam::111111111111:role/bench", ExecutionType.STANDARD));
    Step step = stepper.step(new StepInput.Start());
    StepWrite first = StepWrite.of(stepper.executionArn(), 0, new StepInput.Start(), step);
    return new NewExecution(stepper.record(), null, null, null, "arn:aws:iam::111111111111:role/bench", Json.write(input), System.currentTimeMillis(), first);
  }

  private List<NewExecution> batch(int size) {
    List<NewExecution> b = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      b.add(ten());
    }
    return b;
  }

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("stepwise-store-bench");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Files.createDirectories(dir);
    StoreBenchmark bench = new StoreBenchmark();
    System.out.println("events per ten execution: " + bench.ten().first().step().events().size());
    bench.batches(dir.resolve("batches.db"));
    bench.groupCommit(dir.resolve("group.db"), seconds);
    bench.engine.close();
  }

  /**
   * Straight to the store: the time of one commit of a batch, by batch size (the writes made
   * beforehand). Wall-clock time includes the fsync; the writer thread's CPU time does not, and
   * moves less with other load on the machine.
   */
  private void batches(Path file) {
    deleteWithWal(file);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.println();
    System.out.println("| batch | commits | median ms | p25 ms | p90 ms | CPU ms (median) | commits/s | steps/s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    try (SqliteStore store = SqliteStore.open(file)) {
      for (int w = 0; w < 5; w++) {
        store.commit(batch(1_000)); // warm-up: the JIT, the file's first pages
      }
      for (int size : new int[] {1, 10, 100, 250, 500, 1_000, 2_000}) {
        int commits = size <= 10 ? 200 : Math.max(15, 20_000 / size);
        long[] nanos = new long[commits];
        long[] cpuNanos = new long[commits];
        for (int c = 0; c < commits; c++) {
          List<NewExecution> b = batch(size);
          long cpuStart = cpu.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          List<WriteResult> r = store.commit(b);
          nanos[c] = System.nanoTime() - start;
          cpuNanos[c] = cpu.getCurrentThreadCpuTime() - cpuStart;
          if (!r.stream().allMatch(WriteResult::committed)) {
            throw new IllegalStateException("a write was refused: " + r);
          }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        double median = nanos[commits / 2] / 1e9;
        System.out.printf("| %d | %d | %.2f | %.2f | %.2f | %.2f | %,.0f | %,.0f |%n", size, commits, median * 1e3, nanos[commits / 4] / 1e6,
            nanos[commits * 9 / 10] / 1e6, cpuNanos[commits / 2] / 1e6, 1 / median, size / median);
      }
    }
  }

  /** Many threads making ten executions and submitting them, each waiting for its commit before the next, as a server's requests would. */
  private void groupCommit(Path file, int seconds) throws Exception {
    deleteWithWal(file);
    int threads = 4;
    int inFlightPerThread = 500;
    try (SqliteStore store = SqliteStore.open(file); GroupCommitter committer = new GroupCommitter(store, 10_000, 1_000)) {
      AtomicLong durable = new AtomicLong();
      AtomicLong throttled = new AtomicLong();
      long warmupEnd = System.nanoTime() + 3_000_000_000L;
      long end = warmupEnd + seconds * 1_000_000_000L;
      long[] measuredFrom = new long[2];
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(Thread.ofPlatform().start(() -> {
          Semaphore inFlight = new Semaphore(inFlightPerThread);
          while (System.nanoTime() < end) {
            NewExecution w = ten();
            inFlight.acquireUninterruptibly();
            try {
              CompletableFuture<WriteResult> f = committer.submit(w);
              f.whenComplete((r, e) -> {
                inFlight.release();
                if (e == null && System.nanoTime() >= warmupEnd) {
                  durable.incrementAndGet();
                }
              });
            } catch (CommitQueueFullException full) {
              inFlight.release();
              throttled.incrementAndGet();
            }
          }
          inFlight.acquireUninterruptibly(inFlightPerThread);
        }));
      }
      Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
      long commitsAtStart = committer.commits();
      long writtenAtStart = committer.written();
      measuredFrom[0] = System.nanoTime();
      for (Thread w : workers) {
        w.join();
      }
      double secs = (System.nanoTime() - measuredFrom[0]) / 1e9;
      long commits = committer.commits() - commitsAtStart;
      long written = committer.written() - writtenAtStart;
      System.out.println();
      System.out.printf("group commit, %d threads making and submitting ten executions (%d in flight each), %d s:%n", threads, inFlightPerThread, seconds);
      System.out.printf("  %,.0f executions/s durable, %,.0f commits/s, %.0f writes per commit on average, %d throttled%n",
          durable.get() / secs, commits / secs, commits == 0 ? 0.0 : (double) written / commits, throttled.get());
    }
  }

  private static void deleteWithWal(Path file) {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
