package io.stepwise.testing;

import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs a suite's cases one after another in one in-memory engine with fast time (Wait states and
 * retry back-off take no wall time), each with its own test case of the suite's mocks. A task no
 * mock answers goes to what {@code engine} registers; with nothing registered it fails with
 * States.TaskFailed, as a task with no handler does.
 */
public final class SuiteRunner {
  private final Consumer<Engine.Builder> engine;
  private final InstantSource clock;

  /** Nothing registered for the engine: every Task state a case reaches must be mocked. */
  public SuiteRunner() {
    this(b -> {}, InstantSource.system());
  }

  /** @param engine registers handlers (or invokers, a fallback) on the engine the suite runs in */
  public SuiteRunner(Consumer<Engine.Builder> engine, InstantSource clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /** Runs every case; {@code each} hears of each as it ends (to print it). */
  public SuiteResult run(Suite suite, Consumer<CaseResult> each) {
    Engine.Builder builder = Engine.builder().fastTime(true).mocks(suite.mocks());
    engine.accept(builder);
    List<CaseResult> results = new ArrayList<>();
    java.time.Instant started = clock.instant();
    long t0 = System.nanoTime();
    try (Engine e = builder.build()) {
      for (SuiteCase c : suite.cases()) {
        CaseResult r = runCase(e, suite, c);
        results.add(r);
        each.accept(r);
      }
    }
    return new SuiteResult(suite.name(), started, (System.nanoTime() - t0) / 1e6, results);
  }

  public SuiteResult run(Suite suite) {
    return run(suite, r -> {});
  }

  private static CaseResult runCase(Engine e, Suite suite, SuiteCase c) {
    long t0 = System.nanoTime();
    // the execution's name is the case's, as a UUID, so that $$.Execution.Name is the same on every run
    String execution = UUID.nameUUIDFromBytes(c.name().getBytes(StandardCharsets.UTF_8)).toString();
    RunOptions options = RunOptions.defaults().withNames(suite.machineName(), execution).withTestCase(c.testCase());
    Outcome outcome;
    try {
      ExecutionResult result = e.run(suite.machine(), c.input(), options);
      outcome = Outcome.of(result, suite.machine());
    } catch (RuntimeException refused) {
      return new CaseResult(c.name(), (System.nanoTime() - t0) / 1e6, List.of(), String.valueOf(refused.getMessage()), null);
    }
    List<Difference> differences = Comparison.compare(c.expect(), outcome);
    return new CaseResult(c.name(), (System.nanoTime() - t0) / 1e6, differences, null, outcome);
  }
}
