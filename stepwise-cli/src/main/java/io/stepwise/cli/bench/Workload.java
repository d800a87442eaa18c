package io.stepwise.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One workload of the shared benchmark set: its definition, inputs and expected outputs, read
 * from a directory laid out as {@code asl/}, {@code inputs/}, {@code expected/}.
 *
 * @param unit the figure it reports: transitions_per_s, executions_per_s or items_per_s
 */
record Workload(String name, String unit, StateMachine machine, JsonNode input, JsonNode samples, JsonNode expected) {

  static Workload load(String name, Path dir) throws IOException {
    return switch (name) {
      case "chain" -> new Workload(
          name, "transitions_per_s", machine(dir.resolve("asl/chain-1000.asl.json")),
          read(dir.resolve("inputs/chain-1000.input.json")), null, read(dir.resolve("expected/chain-1000.output.json")));
      case "ten" -> new Workload(
          name, "executions_per_s", machine(dir.resolve("asl/ten-state.asl.json")), null,
          read(dir.resolve("inputs/ten-state.samples.json")), read(dir.resolve("expected/ten-state.samples.output.json")));
      case "map" -> new Workload(
          name, "items_per_s", machine(dir.resolve("asl/map-10k.asl.json")),
          read(dir.resolve("inputs/map-10k.input.json")), null, read(dir.resolve("expected/map-10k.output.json")));
      case "ten-jsonata" -> new Workload(
          name, "executions_per_s", twin("ten-state.jsonata.asl.json"), null,
          read(dir.resolve("inputs/ten-state.samples.json")), read(dir.resolve("expected/ten-state.samples.output.json")));
      case "map-jsonata" -> new Workload(
          name, "items_per_s", twin("map-10k.jsonata.asl.json"),
          read(dir.resolve("inputs/map-10k.input.json")), null, read(dir.resolve("expected/map-10k.output.json")));
      default -> throw new IllegalArgumentException(
          "unknown workload '" + name + "': use chain, ten, map, ten-jsonata or map-jsonata");
    };
  }

  /** Our JSONata twins of the shared JSONPath workloads ship with the CLI. */
  private static StateMachine twin(String resource) throws IOException {
    try (var in = Workload.class.getResourceAsStream("/bench/" + resource)) {
      return StateMachineParser.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static StateMachine machine(Path p) throws IOException {
    return StateMachineParser.parse(Files.readString(p));
  }

  private static JsonNode read(Path p) throws IOException {
    return Json.parse(Files.readString(p));
  }
}
