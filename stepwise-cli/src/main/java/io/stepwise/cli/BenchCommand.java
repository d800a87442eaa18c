package io.stepwise.cli;

import io.stepwise.asl.json.Json;
import io.stepwise.cli.bench.Bench;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stepwise bench}: the shared benchmark workloads, timed in one warmed JVM. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Times benchmark workloads and prints one JSON line per workload.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--workload", paramLabel = "NAME", split = ",", defaultValue = "chain,ten,map", description = "chain, ten, map, ten-jsonata, map-jsonata (comma-separated; default chain,ten,map).")
  List<String> workloads;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The workloads directory (holding asl/, inputs/, expected/).")
  Path dir;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5", description = "Seconds of warm-up per workload (default ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "10", description = "Seconds measured per workload (default ${DEFAULT-VALUE}).")
  double seconds;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new Inputs.InputException(dir + ": no such directory (--dir names the workloads directory, holding asl/, inputs/, expected/)");
    }
    boolean allCorrect = true;
    for (String w : workloads) {
      com.fasterxml.jackson.databind.node.ObjectNode line;
      try {
        line = Bench.run(w, dir, warmup, seconds);
      } catch (NoSuchFileException e) {
        throw new Inputs.InputException(dir + ": not a workloads directory for '" + w + "' (no " + e.getFile() + ")");
      } catch (IllegalArgumentException e) {
        throw new Inputs.InputException("--workload: " + e.getMessage());
      }
      allCorrect &= line.get("correct").asBoolean();
      System.out.println(Json.write(line));
    }
    return allCorrect ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
