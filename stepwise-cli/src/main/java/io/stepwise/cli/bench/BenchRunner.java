package io.stepwise.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Times a workload in this (warmed) JVM: runs it repeatedly for a warm-up period, then for a
 * measured period, checks every output it can against the expected file, and reports the rate
 * and the peak heap seen while measuring.
 */
final class BenchRunner {
  private final Engine engine;
  private final RunOptions options = RunOptions.defaults().withNames("bench", null);

  BenchRunner(Engine engine) {
    this.engine = engine;
  }

  ObjectNode measure(Workload w, double warmupSeconds, double seconds) {
    boolean correct = check(w);
    runFor(w, warmupSeconds);
    System.gc();
    resetPeaks();
    long[] work = runFor(w, seconds);
    double rate = work[0] / (work[1] / 1e9);
    ObjectNode o = Json.NODES.objectNode();
    o.put("workload", w.name());
    o.put("correct", correct);
    o.put(w.unit(), Math.round(rate));
    o.put("heap_peak_mb", Math.round(peakHeapBytes() / (1024.0 * 1024.0) * 10) / 10.0);
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
    switch (w.name()) {
      case "chain" -> {
        engine.run(w.machine(), w.input(), options);
        return 1000;
      }
      case "ten" -> {
        for (int n = 0; n < 10_000; n++) {
          ObjectNode in = Json.NODES.objectNode();
          in.put("n", n);
          engine.run(w.machine(), in, options);
        }
        return 10_000;
      }
      case "map" -> {
        ExecutionResult r = engine.run(w.machine(), w.input(), options);
        return r.output().size();
      }
      default -> throw new IllegalArgumentException(w.name());
    }
  }

  private boolean check(Workload w) {
    if (w.samples() != null) {
      for (int i = 0; i < w.samples().size(); i++) {
        ExecutionResult r = engine.run(w.machine(), w.samples().get(i), options);
        if (r.status() != ExecutionStatus.SUCCEEDED || !r.output().equals(w.expected().get(i))) {
          return false;
        }
      }
      // every input of the timed run has a known answer too
      for (int n = 0; n < 10_000; n += 997) {
        ObjectNode in = Json.NODES.objectNode();
        in.put("n", n);
        ExecutionResult r = engine.run(w.machine(), in, options);
        if (r.status() != ExecutionStatus.SUCCEEDED || !r.output().equals(expectedTen(n))) {
          return false;
        }
      }
      return true;
    }
    ExecutionResult r = engine.run(w.machine(), w.input(), options);
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

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
