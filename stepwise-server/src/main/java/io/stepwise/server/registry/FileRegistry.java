package io.stepwise.server.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.stepwise.server.model.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The registry kept in one JSON file beside the store: the in-memory registry, written whole to
 * the file (a new file fsynced, then moved over the old) after every change, and read back at
 * start. Changes to the registry are rare next to executions' steps, so a whole snapshot per
 * change keeps it simple and the file always whole.
 */
public final class FileRegistry implements Registry {
  private record Snapshot(List<StateMachineRecord> stateMachines, List<VersionRecord> versions, List<AliasRecord> aliases,
      List<ActivityRecord> activities, Map<String, List<Tag>> tags) {}

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final InMemoryRegistry memory = new InMemoryRegistry();
  private final ReentrantLock writes = new ReentrantLock();
  private final Path file;

  private FileRegistry(Path file) {
    this.file = file;
  }

  /** The registry of this file: what it holds is loaded; a file not there yet is an empty registry. */
  public static FileRegistry open(Path file) {
    FileRegistry r = new FileRegistry(file);
    if (Files.exists(file)) {
      Snapshot s;
      try {
        s = JSON.readValue(file.toFile(), Snapshot.class);
      } catch (IOException e) {
        throw new UncheckedIOException("The registry file " + file + " cannot be read: " + e.getMessage(), e);
      }
      r.memory.write(tx -> {
        s.stateMachines().forEach(tx::putStateMachine);
        s.versions().forEach(tx::putVersion);
        s.aliases().forEach(tx::putAlias);
        s.activities().forEach(tx::putActivity);
        s.tags().forEach(tx::putTags);
        return null;
      });
    }
    return r;
  }

  @Override
  public <T> T read(Function<RegistryView, T> work) {
    return memory.read(work);
  }

  @Override
  public <T> T write(Function<RegistryTransaction, T> work) {
    writes.lock();
    try {
      T result = memory.write(work);
      save();
      return result;
    } finally {
      writes.unlock();
    }
  }

  private void save() {
    Snapshot s = memory.read(view -> {
      List<StateMachineRecord> machines = view.stateMachines(null, Integer.MAX_VALUE);
      List<VersionRecord> versions = new ArrayList<>();
      List<AliasRecord> aliases = new ArrayList<>();
      Map<String, List<Tag>> tags = new LinkedHashMap<>();
      for (StateMachineRecord m : machines) {
        versions.addAll(view.versions(m.arn()));
        aliases.addAll(view.aliases(m.arn()));
        List<Tag> t = view.tags(m.arn());
        if (!t.isEmpty()) {
          tags.put(m.arn(), t);
        }
      }
      List<ActivityRecord> activities = view.activities(null, Integer.MAX_VALUE);
      for (ActivityRecord a : activities) {
        List<Tag> t = view.tags(a.arn());
        if (!t.isEmpty()) {
          tags.put(a.arn(), t);
        }
      }
      return new Snapshot(machines, versions, aliases, activities, tags);
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "registry-", ".tmp");
      JSON.writeValue(tmp.toFile(), s);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The registry could not be written to " + file + ": " + e.getMessage(), e);
    }
  }
}
