package io.stepwise.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;

/** Entry point of the benchmark runner. */
public final class Bench {
  private Bench() {}

  public static ObjectNode run(String workload, Path dir, double warmupSeconds, double seconds) throws IOException {
    Workload w = Workload.load(workload, dir);
    try (Engine engine = Engine.builder().build()) {
      return new BenchRunner(engine).measure(w, warmupSeconds, seconds);
    }
  }
}
