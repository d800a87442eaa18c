package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs corpus cases through the engine and compares each result with what AWS returned.
 *
 * <p>{@link CaseExecution} runs one case, {@link OutcomeComparison} compares its result with
 * the recording (after {@link AsRecorded} normalises ours as the recording was), and
 * {@link ProgressPrinter} reports; this class holds the settings and result types and runs
 * the cases, several at once with {@link Options#jobs}.
 *
 * <p>From Java: {@code new ConformanceRunner(ConformanceRunner.Options.defaults()).run(cases, System.out)}
 * with cases from {@link CaseLoader#loadAll}; from a shell, {@code stepwise conformance DIR} (the CLI's
 * command over this class).
 */
public final class ConformanceRunner implements AutoCloseable {
  /**
   * The instant the time-dependent cases' timestamps were written against: their Wait
   * timestamps are "now" (2026-11-24T23:30:07Z) and "now + 24855/24856 days".
   */
  public static final Instant PINNED_CLOCK = Instant.parse("2026-11-24T23:30:07Z");

  /** How a case came out. */
  public enum Verdict {
    PASS,
    FAIL,
    SKIP;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Runner settings.
   *
   * @param caseTimeout the time limit for one case
   * @param lambdaTimeout the corpus functions' own timeout: a worker still running past it is
   *     stopped (wait_60_seconds, whose invocations the corpus always times out at 5 s)
   * @param jobs how many cases run at once
   * @param verbose print full differences and skips
   */
  /** @param replay also resume each execution from its whole history (as JSON) and require the same events */
  public record Options(Duration caseTimeout, Duration lambdaTimeout, int jobs, boolean verbose, boolean replay) {
    public Options(Duration caseTimeout, Duration lambdaTimeout, int jobs, boolean verbose) {
      this(caseTimeout, lambdaTimeout, jobs, verbose, false);
    }

    public static Options defaults() {
      return new Options(Duration.ofSeconds(10), Duration.ofSeconds(10), 1, false, false);
    }

    public Options withVerbose(boolean v) {
      return new Options(caseTimeout, lambdaTimeout, jobs, v, replay);
    }

    public Options withJobs(int j) {
      return new Options(caseTimeout, lambdaTimeout, Math.max(1, j), verbose, replay);
    }

    public Options withCaseTimeout(Duration t) {
      return new Options(t, lambdaTimeout, jobs, verbose, replay);
    }

    public Options withReplay(boolean r) {
      return new Options(caseTimeout, lambdaTimeout, jobs, verbose, r);
    }
  }

  /**
   * One case's outcome.
   *
   * @param id the case id
   * @param mode JSONPath or JSONata
   * @param verdict pass, fail or skip
   * @param reason why it failed (the first difference) or was skipped; null for a pass
   * @param details every difference, in full (for --verbose)
   * @param status our status, or null when the engine did not produce a result
   * @param output our output, or null
   * @param error our error, or null
   * @param cause our cause, or null
   * @param events our history event types, or null
   * @param millis how long the case took
   */
  public record CaseResult(
      String id,
      ConformanceCase.Mode mode,
      Verdict verdict,
      String reason,
      List<String> details,
      String status,
      JsonNode output,
      String error,
      String cause,
      List<String> events,
      long millis) {

    /** The --results line: {"id", "status", "output", "error", "cause", "events", "verdict", "reason", ...}. */
    public ObjectNode toJson() {
      ObjectNode o = Json.NODES.objectNode();
      o.put("id", id);
      o.put("status", status);
      o.put("output", output == null ? null : Json.write(output));
      o.put("error", error);
      o.put("cause", cause);
      if (events == null) {
        o.putNull("events");
      } else {
        ArrayNode a = o.putArray("events");
        events.forEach(a::add);
      }
      o.put("verdict", verdict.label());
      o.put("reason", reason);
      o.put("mode", mode.label());
      o.put("millis", millis);
      return o;
    }
  }

  /** Counts per query language. */
  public static final class Report {
    private final List<CaseResult> results;
    private final Map<ConformanceCase.Mode, int[]> counts = new EnumMap<>(ConformanceCase.Mode.class);

    Report(List<CaseResult> results) {
      this.results = List.copyOf(results);
      for (ConformanceCase.Mode m : ConformanceCase.Mode.values()) {
        counts.put(m, new int[3]);
      }
      for (CaseResult r : results) {
        counts.get(r.mode())[r.verdict().ordinal()]++;
      }
    }

    public List<CaseResult> results() {
      return results;
    }

    public int count(Verdict v) {
      int n = 0;
      for (int[] c : counts.values()) {
        n += c[v.ordinal()];
      }
      return n;
    }

    public int count(ConformanceCase.Mode m, Verdict v) {
      return counts.get(m)[v.ordinal()];
    }

    /** Passed cases as a percentage of those that ran (passed + failed); 100 when none ran. */
    public double passRate(ConformanceCase.Mode m) {
      int ran = count(m, Verdict.PASS) + count(m, Verdict.FAIL);
      return ran == 0 ? 100.0 : 100.0 * count(m, Verdict.PASS) / ran;
    }

    /** {@code N passed, M failed, K skipped}. */
    public String summaryLine() {
      return count(Verdict.PASS) + " passed, " + count(Verdict.FAIL) + " failed, " + count(Verdict.SKIP) + " skipped";
    }

    /** {@code jsonpath: N passed, M failed, K skipped (P% pass)}. */
    public String modeLine(ConformanceCase.Mode m) {
      return String.format(
          Locale.ROOT,
          "%s: %d passed, %d failed, %d skipped (%.1f%% pass)",
          m.label(),
          count(m, Verdict.PASS),
          count(m, Verdict.FAIL),
          count(m, Verdict.SKIP),
          passRate(m));
    }

    /** Writes one JSON line per case. */
    public void writeResults(Path file) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (CaseResult r : results) {
          w.write(Json.write(r.toJson()));
          w.write('\n');
        }
      }
    }
  }

  private final int jobs;
  private final ProgressPrinter printer;
  private final CaseExecution execution;

  public ConformanceRunner(Options options) {
    this.jobs = options.jobs();
    this.printer = new ProgressPrinter(options.verbose());
    this.execution = new CaseExecution(options);
  }

  /** Loads the cases under {@code root} matching the globs (all when empty) and runs them. */
  public Report run(Path root, Collection<String> globs, PrintStream out) throws IOException {
    return run(CaseLoader.loadAll(root, globs), out);
  }

  /**
   * Runs the cases (in the order given), printing a FAIL line per failing case (with
   * --verbose, every difference and the skips too), then a line per query language and last
   * the summary line {@code N passed, M failed, K skipped}.
   */
  public Report run(List<ConformanceCase> cases, PrintStream out) {
    List<CaseResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> CaseExecution.daemon(r, "conformance-pool"));
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (ConformanceCase c : cases) {
        futures.add(pool.submit(() -> runCase(c)));
      }
      for (Future<CaseResult> f : futures) {
        CaseResult r;
        try {
          r = f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        results.add(r);
        printer.print(r, out);
      }
    } finally {
      pool.shutdownNow();
      execution.close(); // the corpus functions' workers
    }
    Report report = new Report(results);
    printer.printSummary(report, out);
    return report;
  }

  /** Runs one case under the time limit; never throws. */
  public CaseResult runCase(ConformanceCase c) {
    return execution.run(c);
  }

  /** Stops the corpus functions' workers that {@link #runCase} left running ({@link #run} stops them itself). */
  @Override
  public void close() {
    execution.close();
  }

  /** Compares an engine result with the case; public so other drivers can reuse the comparison. */
  public CaseResult compare(ConformanceCase c, ExecutionResult r, long startNanos) {
    return OutcomeComparison.compare(c, r, startNanos);
  }
}
