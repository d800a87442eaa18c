package io.stepwise.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;

/**
 * Times a workload in this (warmed) JVM: runs it repeatedly for a warm-up period, then for a
 * measured period, checks every output it can against the expected file, and reports the rate
 * and the peak heap seen while measuring.
 */
final class BenchRunner {
  private final Engine engine;
  private final RunOptions standard = RunOptions.defaults().withNames("bench", null);
  // 10,000 iterations make 80,000 events: over a Standard execution's 25,000, so Express, as on AWS
  private final RunOptions express = standard.withType(ExecutionType.EXPRESS);

  BenchRunner(Engine engine) {
    this.engine = engine;
  }

  ObjectNode measure(Workload w, double warmupSeconds, double seconds) {
    boolean correct = check(w);
    runFor(w, warmupSeconds);
    System.gc();
    HeapSampler heap = HeapSampler.start();
    long[] work = runFor(w, seconds);
    long peak = heap.stop();
    double rate = work[0] / (work[1] / 1e9);
    ObjectNode o = Json.NODES.objectNode();
    o.put("workload", w.name());
    o.put("correct", correct);
    o.put(w.unit(), Math.round(rate));
    o.put("heap_peak_mb", Math.round(peak / (1024.0 * 1024.0) * 10) / 10.0);
    return o;
  }

  /** Runs whole repetitions of the workload for about this long; returns {units of work, nanos}. */
  private long[] runFor(Workload w, double seconds) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long units = 0;
    do {
      units += once(w);
    } while (System.nanoTime() < deadline);
    return new long[] {units, System.nanoTime() - start};
  }

  /** One repetition; returns the units of work it did (transitions, executions or items). */
  private long once(Workload w) {
    switch (w.name().replace("-jsonata", "")) {
      case "chain" -> {
        succeeded(engine.run(w.machine(), w.input(), standard));
        return 1000;
      }
      case "ten" -> {
        for (int n = 0; n < 10_000; n++) {
          ObjectNode in = Json.NODES.objectNode();
          in.put("n", n);
          succeeded(engine.run(w.machine(), in, standard));
        }
        return 10_000;
      }
      case "map" -> {
        return succeeded(engine.run(w.machine(), w.input(), express)).output().size();
      }
      default -> throw new IllegalArgumentException(w.name());
    }
  }

  private static ExecutionResult succeeded(ExecutionResult r) {
    if (r.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("the workload's execution ended " + r.status() + ": " + r.error() + ": " + r.cause());
    }
    return r;
  }

  private RunOptions options(Workload w) {
    return w.name().startsWith("map") ? express : standard;
  }

  private boolean check(Workload w) {
    if (w.samples() != null) {
      for (int i = 0; i < w.samples().size(); i++) {
        ExecutionResult r = engine.run(w.machine(), w.samples().get(i), standard);
        if (r.status() != ExecutionStatus.SUCCEEDED || !r.output().equals(w.expected().get(i))) {
          return false;
        }
      }
      // every input of the timed run has a known answer too
      for (int n = 0; n < 10_000; n += 997) {
        ObjectNode in = Json.NODES.objectNode();
        in.put("n", n);
        ExecutionResult r = engine.run(w.machine(), in, standard);
        if (r.status() != ExecutionStatus.SUCCEEDED || !r.output().equals(expectedTen(n))) {
          return false;
        }
      }
      return true;
    }
    ExecutionResult r = engine.run(w.machine(), w.input(), options(w));
    return r.status() == ExecutionStatus.SUCCEEDED && r.output().equals(w.expected());
  }

  /** The README of the workloads states the ten-state output for every n. */
  static JsonNode expectedTen(int n) {
    ObjectNode o = Json.NODES.objectNode();
    boolean low = n < 5000;
    o.put("n", n);
    o.put("label", (low ? "low-" : "high-") + n);
    o.put("path", low ? "A" : "B");
    o.put("bucket", low ? "low" : "high");
    return o;
  }
}
