package io.stepwise.server.operations.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which parent task waits for which nested execution ({@code states:startExecution.sync}): the
 * child's ARN to the parent task's token, the parent's ARN and whether it wants the output parsed
 * ({@code .sync:2}). A link outlives the parent's task when the task ends first (the parent stopped,
 * the task timed out): it goes once the child is stopped and has ended, so a restart in between
 * still stops the child.
 * Kept in a small JSON file of the data directory, written whole and forced to disk before the
 * child starts, so that a parent told nothing before a crash is told after the restart. In memory
 * when there is no file. Few rows (one per .sync task waiting), so a whole-file write is cheap.
 */
final class NestedLinks {
  /** @param parent the parent execution's ARN (null in a file written before it was kept) */
  record Link(String token, boolean parsed, String parent) {}

  private final Path file;
  private final Map<String, Link> links = new LinkedHashMap<>();

  NestedLinks(Path file) {
    this.file = file;
    if (file != null && Files.isRegularFile(file)) {
      try {
        JsonNode all = Json.parse(Files.readString(file));
        all.properties().forEach(e -> links.put(e.getKey(), new Link(e.getValue().path("token").asText(),
            e.getValue().path("parsed").asBoolean(), e.getValue().path("parent").isTextual() ? e.getValue().path("parent").textValue() : null)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the nested executions' links in " + file, e);
      }
    }
  }

  synchronized void put(String childArn, Link link) {
    links.put(childArn, link);
    save();
  }

  synchronized Link get(String childArn) {
    return links.get(childArn);
  }

  synchronized void remove(String childArn) {
    if (links.remove(childArn) != null) {
      save();
    }
  }

  /** The child whose link holds this token, or null. */
  synchronized String childOf(String token) {
    for (Map.Entry<String, Link> e : links.entrySet()) {
      if (e.getValue().token().equals(token)) {
        return e.getKey();
      }
    }
    return null;
  }

  synchronized Map<String, Link> all() {
    return Map.copyOf(links);
  }

  private void save() {
    if (file == null) {
      return;
    }
    ObjectNode all = Json.NODES.objectNode();
    links.forEach((child, l) -> {
      ObjectNode o = all.putObject(child).put("token", l.token()).put("parsed", l.parsed());
      if (l.parent() != null) {
        o.put("parent", l.parent());
      }
    });
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(Json.write(all).getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the nested executions' links to " + file, e);
    }
  }
}
