package io.stepwise.cli.apibench;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.store.ExecutionQuery;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scale of waiting executions (not a unit test): N Standard executions started on a SQLite-backed
 * runtime (the path StartExecution takes, without HTTP), each waiting in a Wait state until one
 * time; the heap used once all wait; then the backend is closed and opened again on the same file
 * (a restart: how long until it serves), and every execution fires after it, each ending once;
 * how late each fired is read from the file. Run it with the heap bound under test, e.g.
 * {@code -Xmx1g}: an OutOfMemoryError is the failure. Usage: {@code WaitingScale [executions]
 * [starting threads]}.
 */
public final class WaitingScale {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    Path data = Files.createTempDirectory("stepwise-waiting");
    StateMachine waits = StateMachineParser.parse("""
        {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","TimestampPath":"$.at","Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}""");
    // generous: the starts must be done, the heap measured and the restart over before it comes
    long startsPerSecond = Long.getLong("expectedStartsPerSecond", 2_000);
    Instant at = Instant.now().plusSeconds(60 + n / startsPerSecond);
    String input = "{\"at\":\"" + at + "\"}";
    long t0 = System.nanoTime();
    try (Engine engine = Engine.builder().build()) {
      ExecutionBackend backend = ExecutionBackend.open(data, engine, InstantSource.system());
      backend.keep(waits);
      AtomicInteger next = new AtomicInteger();
      try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < threads; t++) {
          starters.execute(() -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
              try {
                backend.runtime().start(waits, RunOptions.defaults().withNames("waits", "w" + i), Json.parse(input));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
        }
      }
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      if (Instant.now().isAfter(at.minusSeconds(20))) {
        System.out.println("the starts took longer than planned; raise -DexpectedStartsPerSecond's inverse (lower it)");
      }
      long heapWaiting = usedHeapAfterGc();
      System.out.printf("{\"executions\":%d,\"start_s\":%.1f,\"starts_per_s\":%.0f,\"heap_mb_all_waiting\":%d,\"in_memory\":%d,\"timers_in_memory\":%d}%n",
          n, startSeconds, n / startSeconds, heapWaiting >> 20, backend.runtime().executionsInMemory(), backend.runtime().timersSet());
      backend.close();

      long r0 = System.nanoTime();
      ExecutionBackend again = ExecutionBackend.open(data, engine, InstantSource.system());
      double restartSeconds = (System.nanoTime() - r0) / 1e9;
      long heapRestarted = usedHeapAfterGc();
      System.out.printf("{\"restart_s\":%.2f,\"heap_mb_after_restart\":%d,\"seconds_until_due\":%d}%n", restartSeconds, heapRestarted >> 20,
          Math.max(0, at.getEpochSecond() - Instant.now().getEpochSecond()));
      long peak = 0;
      while (again.store().executions(ExecutionQuery.stateMachine(MACHINE_ARN).withStatus(ExecutionStatus.RUNNING).withLimit(1))
          .items().size() > 0) {
        Thread.sleep(1_000);
        peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      double allDoneAfterDue = (System.currentTimeMillis() - at.toEpochMilli()) / 1e3;
      again.close();
      lateness(data.resolve("stepwise.db"), at.toEpochMilli(), n, allDoneAfterDue, peak);
    }
  }

  private static final String MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:waits";

  private static long usedHeapAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** How late the executions ended after the time they waited for, and that each ended once. */
  private static void lateness(Path db, long due, int n, double allDoneAfterDue, long peakHeap) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      List<Long> late = new ArrayList<>(n);
      try (ResultSet r = s.executeQuery("SELECT stop_date FROM executions WHERE status = 'SUCCEEDED' ORDER BY stop_date")) {
        while (r.next()) {
          late.add(r.getLong(1) - due);
        }
      }
      long exited;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM executions WHERE status != 'SUCCEEDED'")) {
        exited = r.next() ? r.getLong(1) : -1;
      }
      // Started, WaitStateEntered/Exited, PassStateEntered/Exited, Succeeded: a lost or repeated event shows here
      long wrongHistory;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM executions WHERE event_count != 6")) {
        wrongHistory = r.next() ? r.getLong(1) : -1;
      }
      System.out.printf("{\"histories_not_6_events\":%d}%n", wrongHistory);
      System.out.printf("{\"succeeded\":%d,\"not_succeeded\":%d,\"late_ms_p50\":%d,\"late_ms_p99\":%d,\"late_ms_max\":%d,"
              + "\"all_done_s_after_due\":%.1f,\"peak_heap_mb_while_firing\":%d}%n", late.size(), exited,
          late.get(late.size() / 2), late.get((int) (late.size() * 0.99)), late.get(late.size() - 1), allDoneAfterDue, peakHeap >> 20);
    }
  }
}
