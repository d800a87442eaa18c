package io.stepwise.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.DefinitionException;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.task.LambdaFunction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs corpus cases through the engine and compares each result with what AWS returned.
 *
 * <p>Per case: parse the definition, register the case's Lambda stand-ins under their function
 * names and ARNs, run under the recorded names (STANDARD or EXPRESS) with fast time (and, for
 * time-dependent cases, a clock pinned to the instant the corpus's timestamps were written
 * against), then compare, after running the case's normalization ops over our values:
 * the status; for SUCCEEDED the output (as JSON, or as text where the recording is not JSON);
 * for FAILED and TIMED_OUT the error and the cause (JSON causes compare as JSON); and, where
 * the case records them, the history event types in order (Parallel-branch events sorted as
 * the recording sorted them when the case says so). Placeholders in the recording match any
 * text. Every case runs on its own thread under a time limit.
 *
 * <p>From Java: {@code new ConformanceRunner(ConformanceRunner.Options.defaults()).run(cases, System.out)}
 * with cases from {@link CaseLoader#loadAll}; or use {@link ConformanceCommand}.
 */
public final class ConformanceRunner {
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
   * @param lambdaWait how long the wait_60_seconds stand-in really sleeps
   * @param jobs how many cases run at once
   * @param verbose print full differences and skips
   */
  public record Options(Duration caseTimeout, Duration lambdaWait, int jobs, boolean verbose) {
    public static Options defaults() {
      return new Options(Duration.ofSeconds(10), EmulatedLambdas.DEFAULT_WAIT, 1, false);
    }

    public Options withVerbose(boolean v) {
      return new Options(caseTimeout, lambdaWait, jobs, v);
    }

    public Options withJobs(int j) {
      return new Options(caseTimeout, lambdaWait, Math.max(1, j), verbose);
    }

    public Options withCaseTimeout(Duration t) {
      return new Options(t, lambdaWait, jobs, verbose);
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

  private static final int LINE_MAX = 300;
  private static final int VALUE_MAX = 120;

  private final Options options;

  public ConformanceRunner(Options options) {
    this.options = options;
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
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> daemon(r, "conformance-pool"));
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
        print(r, out);
      }
    } finally {
      pool.shutdownNow();
    }
    Report report = new Report(results);
    if (out != null) {
      for (ConformanceCase.Mode m : ConformanceCase.Mode.values()) {
        out.println(report.modeLine(m));
      }
      out.println(report.summaryLine());
      out.flush();
    }
    return report;
  }

  private void print(CaseResult r, PrintStream out) {
    if (out == null) {
      return;
    }
    if (r.verdict() == Verdict.FAIL) {
      out.println(Normalizer.abbreviate("FAIL " + r.id() + ": " + r.reason(), LINE_MAX));
      if (options.verbose()) {
        for (String d : r.details()) {
          if (!d.equals(r.reason())) {
            out.println("    " + d.replace("\n", "\n    "));
          }
        }
      }
    } else if (r.verdict() == Verdict.SKIP && options.verbose()) {
      out.println("SKIP " + r.id() + ": " + r.reason());
    }
  }

  /** Runs one case under the time limit; never throws. */
  public CaseResult runCase(ConformanceCase c) {
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
    Map<String, LambdaFunction> lambdas = EmulatedLambdas.forCase(c, options.lambdaWait());
    Engine.Builder b = Engine.builder().region(c.names().region()).account(c.names().account()).fastTime(true);
    if (c.timeDependent()) {
      b.clock(InstantSource.fixed(PINNED_CLOCK));
    }
    lambdas.forEach(b::lambda);
    ExecutionType type = ExecutionType.valueOf(c.executionType());
    RunOptions ro = new RunOptions(c.names().stateMachineName(), c.names().executionName(), c.names().roleArn(), type)
        .withSynchronous("StartSyncExecution".equals(c.startApi()));
    ExecutionResult r;
    try (Engine engine = b.build()) {
      r = engine.run(machine, c.input(), ro);
    }
    return compare(c, r, start);
  }

  /** Compares an engine result with the case; public so other drivers can reuse the comparison. */
  public CaseResult compare(ConformanceCase c, ExecutionResult r, long startNanos) {
    List<String> diffs = new ArrayList<>();
    List<String> details = new ArrayList<>();
    String ourStatus = r.status() == null ? null : r.status().name();
    List<String> ourEvents = r.events() == null ? null : r.events().stream().map(e -> e.type().name()).toList();

    if (!c.status().equals(ourStatus)) {
      String ctx =
          "FAILED".equals(ourStatus) || "TIMED_OUT".equals(ourStatus)
              ? " (" + r.error() + ": " + Normalizer.abbreviate(r.cause(), 160) + ")"
              : r.output() != null ? " (output " + Normalizer.abbreviate(Json.write(r.output()), 120) + ")" : "";
      diffs.add("status: expected " + c.status() + ", got " + ourStatus + ctx);
      details.add("status: expected " + c.status() + ", got " + ourStatus + "\n  error: " + r.error() + "\n  cause: " + r.cause()
          + "\n  output: " + (r.output() == null ? null : Json.write(r.output())));
    } else if ("SUCCEEDED".equals(ourStatus)) {
      compareOutput(c, r, diffs, details);
    } else {
      compareFailure(c, r, diffs, details);
    }
    if (c.events() != null) {
      List<String> types = eventTypesForComparison(c, r, ourEvents);
      if (!c.events().equals(types)) {
        String d = eventsDifference(c.events(), types);
        diffs.add("events: " + d);
        details.add("events: " + d + "\n  expected: " + c.events() + "\n  actual:   " + types);
      }
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    if (diffs.isEmpty()) {
      return new CaseResult(c.id(), c.mode(), Verdict.PASS, null, List.of(), ourStatus, r.output(), r.error(), r.cause(), ourEvents, millis);
    }
    return new CaseResult(c.id(), c.mode(), Verdict.FAIL, diffs.get(0), List.copyOf(details), ourStatus, r.output(), r.error(), r.cause(), ourEvents, millis);
  }

  private void compareOutput(ConformanceCase c, ExecutionResult r, List<String> diffs, List<String> details) {
    JsonNode actual = normalizedOutput(c, r.output());
    JsonNode expected = c.output() == null ? Json.NODES.nullNode() : c.output();
    if (Boolean.FALSE.equals(c.outputIsJson())) {
      // the recording is text: compare our (normalised) output's text with it
      String ours = actual == null || actual.isNull() ? null : actual.isTextual() ? actual.textValue() : PyJson.dumps(actual);
      if (ours == null || !Normalizer.wildcardMatch(expected.asText(), ours)) {
        diffs.add("output: expected text " + Normalizer.abbreviate(expected.asText(), VALUE_MAX) + ", got " + Normalizer.abbreviate(ours, VALUE_MAX));
        details.add("output (text):\n  expected: " + expected.asText() + "\n  actual:   " + ours);
      }
      return;
    }
    String d = JsonDiff.first(expected, actual, VALUE_MAX);
    if (d != null) {
      diffs.add("output " + d);
      details.add("output " + d + "\n  expected: " + PyJson.dumps(expected) + "\n  actual:   " + PyJson.dumps(actual)
          + "\n  (raw:    " + (r.output() == null ? null : Json.write(r.output())) + ")");
    }
  }

  private void compareFailure(ConformanceCase c, ExecutionResult r, List<String> diffs, List<String> details) {
    JsonNode norm = normalizedFailure(c, r);
    JsonNode error = norm.get("error");
    JsonNode cause = norm.get("cause");
    JsonNode expError = c.error() == null ? Json.NODES.nullNode() : TextNode.valueOf(c.error());
    JsonNode expCause = c.cause() == null ? Json.NODES.nullNode() : c.cause();
    if (!Normalizer.matches(expError, nullNode(error))) {
      String d = "error: expected " + JsonDiff.show(expError, VALUE_MAX) + ", got " + JsonDiff.show(nullNode(error), VALUE_MAX);
      diffs.add(d);
      details.add(d + " (cause: " + r.cause() + ")");
    }
    String d = JsonDiff.first(expCause, nullNode(cause), VALUE_MAX);
    if (d != null) {
      diffs.add("cause " + d);
      details.add("cause " + d + "\n  expected: " + PyJson.dumps(expCause) + "\n  actual:   " + PyJson.dumps(nullNode(cause))
          + "\n  (raw:    " + r.cause() + ")");
    }
  }

  /**
   * Our output, normalised as the recording was: inside the event it was recorded from
   * (ExecutionSucceeded in a history) or as the output field of the API response; a text that
   * is still JSON text afterwards is parsed, as the corpus parsed the recorded one.
   */
  static JsonNode normalizedOutput(ConformanceCase c, JsonNode output) {
    String text = output == null ? "null" : Json.write(output);
    List<JsonNode> ops = outputOps(c);
    JsonNode n = extractOutput(c, Normalizer.normalize(outputContainer(c, TextNode.valueOf(text)), ops));
    if (n.isMissingNode()) {
      return Json.NODES.nullNode();
    }
    if (n.isTextual() && !Boolean.FALSE.equals(c.outputIsJson())) {
      JsonNode parsed = PyJson.tryLoads(n.textValue());
      return parsed != null ? parsed : n;
    }
    return n;
  }

  /** The output inside the response it was recorded from: an ExecutionSucceeded event, or an API response. */
  private static ObjectNode outputContainer(ConformanceCase c, JsonNode output) {
    ObjectNode container = Json.NODES.objectNode();
    if (c.recordedFromHistory()) {
      ObjectNode ev = container.putArray("events").addObject();
      ev.put("type", "ExecutionSucceeded");
      ev.putObject("executionSucceededEventDetails").set("output", output);
    } else {
      container.set("output", output);
    }
    return container;
  }

  private static JsonNode extractOutput(ConformanceCase c, JsonNode normalized) {
    return c.recordedFromHistory()
        ? normalized.path("events").path(0).path("executionSucceededEventDetails").path("output")
        : normalized.path("output");
  }

  /**
   * The case's ops, less any jsonpath_value op that visibly was not applied to the recorded
   * output (a value at its path that is not its replacement): such a recording predates the
   * op (one case, test_context_object__test_result_selector, whose x-amzn-RequestId headers
   * were recorded before the fixture replaced them), and ours must be treated alike.
   */
  static List<JsonNode> outputOps(ConformanceCase c) {
    if (c.output() == null) {
      return c.normalization();
    }
    ObjectNode recorded = outputContainer(c, c.output());
    List<JsonNode> ops = new ArrayList<>();
    for (JsonNode op : c.normalization()) {
      if ("jsonpath_value".equals(op.path("op").asText())) {
        try {
          String rep = op.path("replacement").asText();
          boolean notApplied =
              JsonPathLite.parse(op.path("path").asText()).find(recorded).stream().anyMatch(v -> !(v.isTextual() && v.textValue().equals(rep)));
          if (notApplied) {
            continue;
          }
        } catch (IllegalArgumentException e) {
          // an unsupported path: keep the op and let normalize() report it
        }
      }
      ops.add(op);
    }
    return ops;
  }

  /** Our error and cause, normalised as the recording was; an object with "error" and "cause". */
  static JsonNode normalizedFailure(ConformanceCase c, ExecutionResult r) {
    ObjectNode details = Json.NODES.objectNode();
    if (r.error() != null) {
      details.put("error", r.error());
    }
    if (r.cause() != null) {
      details.put("cause", r.cause());
    }
    ObjectNode container = Json.NODES.objectNode();
    if (c.recordedFromHistory()) {
      String type = "TIMED_OUT".equals(r.status().name()) ? "ExecutionTimedOut" : "ExecutionFailed";
      String key = "TIMED_OUT".equals(r.status().name()) ? "executionTimedOutEventDetails" : "executionFailedEventDetails";
      ObjectNode ev = container.putArray("events").addObject();
      ev.put("type", type);
      ev.set(key, details);
      JsonNode n = Normalizer.normalize(container, c.normalization()).path("events").path(0).path(key);
      return n.isObject() ? n : Json.NODES.objectNode();
    }
    container.setAll(details);
    return Normalizer.normalize(container, c.normalization());
  }

  /**
   * Our event types; where the recording sorted Parallel-branch events, our history is
   * normalised with the case's ops (which sort them the same way) first.
   */
  static List<String> eventTypesForComparison(ConformanceCase c, ExecutionResult r, List<String> ourEvents) {
    boolean sorted = c.eventsOrderNormalised() || c.normalization().stream().anyMatch(op -> "parallel_events_sorted".equals(op.path("op").asText()));
    if (!sorted || r.events() == null) {
      return ourEvents;
    }
    ObjectNode container = Json.NODES.objectNode();
    container.set("events", sortKeysDeep(io.stepwise.engine.history.HistoryJson.toJson(r.events())));
    JsonNode n = Normalizer.normalize(container, c.normalization());
    List<String> types = new ArrayList<>();
    for (JsonNode e : n.path("events")) {
      types.add(e.path("type").asText());
    }
    return types;
  }

  static JsonNode sortKeysDeep(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : PyJson.entries(n, true)) {
        o.set(e.getKey(), sortKeysDeep(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = Json.NODES.arrayNode();
      n.forEach(x -> a.add(sortKeysDeep(x)));
      return a;
    }
    return n;
  }

  static String eventsDifference(List<String> expected, List<String> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    String e = i < expected.size() ? expected.get(i) : "(end)";
    String a = i < actual.size() ? actual.get(i) : "(end)";
    return "at #" + (i + 1) + " expected " + e + ", got " + a + " (" + expected.size() + " expected, " + actual.size() + " got)";
  }

  private static JsonNode nullNode(JsonNode n) {
    return n == null || n.isMissingNode() ? Json.NODES.nullNode() : n;
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

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
