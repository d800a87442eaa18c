package io.stepwise.server.backend;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The definitions executions run, kept as files named by their digest beside the store: an
 * execution is restored under the definition it started with, after a restart and after its state
 * machine was updated. Each file is written whole and fsynced before the execution that runs it
 * is stored.
 */
public final class DefinitionFiles {
  private final Path dir;

  public DefinitionFiles(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }

  /** Keeps the definition, once: a digest names one text. */
  public void save(StateMachine machine) {
    Path file = dir.resolve(machine.definitionSha256() + ".asl.json");
    if (Files.exists(file) || machine.definition() == null) {
      return;
    }
    try {
      Path tmp = Files.createTempFile(dir, "def-", ".tmp");
      Files.writeString(tmp, machine.definition(), StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the definition " + machine.definitionSha256() + " in " + dir, e);
    }
  }

  public Optional<String> text(String sha256) {
    Path file = dir.resolve(sha256 + ".asl.json");
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Every definition kept, parsed (at a restart: their Distributed Maps' children are named by them). */
  public List<StateMachine> all() {
    List<StateMachine> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".asl.json"))::iterator) {
        out.add(StateMachineParser.parse(Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    return out;
  }
}
