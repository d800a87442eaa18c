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
    // map's result (318 KB) is over AWS's 256 KiB state output limit, which AWS would fail with
    // States.DataLimitExceeded; the workload expects it whole, so its engine lifts the limit
    Engine.Builder builder = Engine.builder();
    if (w.name().startsWith("map")) {
      builder.payloadLimit(Integer.MAX_VALUE);
    }
    try (Engine engine = builder.build()) {
      return new BenchRunner(engine).measure(w, warmupSeconds, seconds);
    }
  }
}
