package io.stepwise.conformance;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.DefinitionException;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.conformance.ConformanceRunner.CaseResult;
import io.stepwise.conformance.ConformanceRunner.Options;
import io.stepwise.conformance.ConformanceRunner.Verdict;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import io.stepwise.integrations.lambda.LambdaFunctions;
import io.stepwise.asl.json.Json;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one corpus case through the engine: parse the definition, register the case's Lambda
 * functions (the corpus's Python handlers as local commands, {@link CorpusLambdas}) under their
 * function names and ARNs, run under the recorded names (STANDARD or
 * EXPRESS) with fast time (and, for time-dependent cases, a clock pinned to
 * {@link ConformanceRunner#PINNED_CLOCK}), then hand the result to {@link OutcomeComparison}.
 * Every case runs on its own thread under a time limit, so a hung engine fails only its case.
 */
final class CaseExecution implements AutoCloseable {
  private final Options options;
  /** The corpus's functions, started on the first case that calls one and kept for the rest. */
  private CorpusLambdas lambdas;

  CaseExecution(Options options) {
    this.options = options;
  }

  /** Runs one case under the time limit; never throws. */
  CaseResult run(ConformanceCase c) {
    long start = System.nanoTime();
    String skip = skipReason(c);
    if (skip != null) {
      return new CaseResult(c.id(), c.mode(), Verdict.SKIP, skip, List.of(), null, null, null, null, null, 0);
    }
    CompletableFuture<CaseResult> f = new CompletableFuture<>();
    Thread t =
        daemon(
            () -> {
              try {
                f.complete(execute(c, start));
              } catch (Throwable e) {
                f.complete(failure(c, start, "engine threw " + describe(e)));
              }
            },
            "conformance-" + c.id());
    t.start();
    try {
      return f.get(options.caseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      t.interrupt();
      return failure(c, start, String.format(Locale.ROOT, "did not finish within %.1f s", options.caseTimeout().toMillis() / 1000.0));
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      return failure(c, start, "interrupted");
    } catch (ExecutionException e) {
      return failure(c, start, "engine threw " + describe(e.getCause()));
    }
  }

  private synchronized CorpusLambdas lambdas(ConformanceCase c) {
    if (lambdas == null) {
      java.nio.file.Path dir = c.dir() == null ? java.nio.file.Path.of("lambdas") : c.dir().toAbsolutePath().getParent().getParent().resolve("lambdas");
      lambdas = new CorpusLambdas(dir, options.lambdaTimeout(), Math.max(4, options.jobs() * 2));
      lambdas.warmAll();
    }
    return lambdas;
  }

  /** Stops the corpus functions' workers. */
  @Override
  public synchronized void close() {
    if (lambdas != null) {
      lambdas.close();
      lambdas = null;
    }
  }

  /** Why a case is not run, or null to run it. */
  static String skipReason(ConformanceCase c) {
    if ("RUNNING".equals(c.status())) {
      return "AWS never finished this execution (recorded status RUNNING, events " + c.events()
          + "), so there is no end state to compare";
    }
    return null;
  }

  private CaseResult execute(ConformanceCase c, long start) {
    StateMachine machine;
    try {
      machine = StateMachineParser.parse(c.definition());
    } catch (DefinitionException e) {
      return failure(c, start, "definition rejected: " + e.problems());
    }
    Map<String, LambdaTarget> functions = lambdas(c).forCase(c);
    Engine.Builder b = Engine.builder().region(c.names().region()).account(c.names().account()).fastTime(true);
    if (c.timeDependent()) {
      b.clock(InstantSource.fixed(ConformanceRunner.PINNED_CLOCK));
    }
    LambdaFunctions.Builder fb = LambdaFunctions.withSystemClockAndRandomIds();
    functions.forEach(fb::target);
    b.handler(fb.build()); // not closed with the case: the workers serve the next cases too
    ExecutionType type = ExecutionType.valueOf(c.executionType());
    RunOptions ro = new RunOptions(c.names().stateMachineName(), c.names().executionName(), c.names().roleArn(), type)
        .withSynchronous("StartSyncExecution".equals(c.startApi()));
    ExecutionResult r;
    String replayed = null;
    try (Engine engine = b.build()) {
      r = engine.run(machine, c.input(), ro);
      if (options.replay()) {
        replayed = replayDifference(engine, machine, r, ro);
      }
    }
    CaseResult compared = OutcomeComparison.compare(c, r, start);
    if (replayed != null && compared.verdict() == Verdict.PASS) {
      return failure(c, start, "replay from the whole history: " + replayed);
    }
    return compared;
  }

  /**
   * Resumes the finished execution from its history, stored as JSON text and read back, in the
   * same engine: null when replay records exactly the same events, else where it differs.
   */
  private static String replayDifference(Engine engine, StateMachine machine, ExecutionResult r, RunOptions ro) {
    List<HistoryEvent> stored;
    try {
      stored = HistoryReader.read(Json.parse(Json.write(r.historyJson())));
    } catch (Exception e) {
      return "the history does not read back: " + e.getMessage();
    }
    ExecutionResult again;
    try {
      again = engine.resume(machine, r.record(), stored, r.childEndings());
    } catch (RuntimeException e) {
      return describe(e);
    }
    List<HistoryEvent> a = again.events();
    List<HistoryEvent> e = r.events();
    for (int i = 0; i < Math.max(a.size(), e.size()); i++) {
      HistoryEvent x = i < a.size() ? a.get(i) : null;
      HistoryEvent y = i < e.size() ? e.get(i) : null;
      if (x == null || !HistoryJson.equivalent(x, y)) {
        return "event " + (i + 1) + " was " + (x == null ? "missing" : x.type()) + ", recorded " + (y == null ? "nothing" : y.type());
      }
    }
    return null;
  }

  private static CaseResult failure(ConformanceCase c, long start, String reason) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CaseResult(c.id(), c.mode(), Verdict.FAIL, reason, List.of(reason), null, null, null, null, null, millis);
  }

  private static String describe(Throwable e) {
    String msg = e.getMessage();
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
    if (msg != null) {
      sb.append(": ").append(msg);
    }
    StackTraceElement[] st = e.getStackTrace();
    if (st.length > 0) {
      sb.append(" at ").append(st[0]);
    }
    return sb.toString();
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
