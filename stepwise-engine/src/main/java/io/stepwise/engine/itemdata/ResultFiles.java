package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResultWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a ResultWriter writes for a Map Run, as AWS documents it: under
 * {@code Prefix/<map run id>/}, {@code SUCCEEDED_0.json}, {@code FAILED_0.json} (failed, timed out
 * and aborted children) and {@code PENDING_0.json} (children never started), each only when it
 * has entries, then {@code manifest.json} listing them. Entries are shaped by
 * WriterConfig.Transformation (NONE when exporting without a WriterConfig) and laid out by
 * OutputType (a JSON array, or JSON Lines). Each file is one {@code s3:putObject} request
 * {@code {"Bucket", "Key", "Body"}} with the file's text as Body.
 */
public final class ResultFiles {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ResultFiles() {}

  /** One object to write. */
  public record PutObject(String bucket, String key, String body, int size) {
    PutObject(String bucket, String key, String body) {
      this(bucket, key, body, body.getBytes(StandardCharsets.UTF_8).length);
    }

    public ObjectNode request() {
      ObjectNode r = Json.NODES.objectNode();
      r.put("Bucket", bucket);
      r.put("Key", key);
      r.put("Body", body);
      return r;
    }

    /** What the history keeps of the request: where the file went and its size, not its body. */
    public ObjectNode recorded() {
      ObjectNode r = Json.NODES.objectNode();
      r.put("Bucket", bucket);
      r.put("Key", key);
      r.put("ContentLength", size);
      return r;
    }
  }

  /** The files, manifest last, and the Map's output: {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}. */
  public record Export(List<PutObject> files, ObjectNode output) {}

  public static Export export(ResultWriter w, JsonNode request, MapRunIdentity run, List<ChildRun> children, long stopMillis) {
    JsonNode bucket = request == null ? null : request.get("Bucket");
    if (bucket == null || !bucket.isTextual() || bucket.textValue().isEmpty()) {
      throw new StatesException(StatesErrors.RESULT_WRITER_FAILED,
          "ResultWriter " + (request != null && request.has("Bucket") ? "Bucket must be a non-empty string" : "needs a Bucket") + " to write the results to");
    }
    String prefix = request.path("Prefix").asText("");
    String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + run.id() + "/";
    String transformation = w.transformation() == null ? "NONE" : w.transformation();
    boolean lines = "JSONL".equals(w.outputType());
    List<PutObject> files = new ArrayList<>();
    ObjectNode manifest = Json.NODES.objectNode();
    manifest.put("DestinationBucket", bucket.textValue());
    manifest.put("MapRunArn", run.arn());
    ObjectNode resultFiles = manifest.putObject("ResultFiles");
    Map<String, byte[]> bodies = files(transformation, lines, run, children, stopMillis);
    for (String group : new String[] {"FAILED", "PENDING", "SUCCEEDED"}) {
      ArrayNode listed = resultFiles.putArray(group);
      byte[] body = bodies.get(group);
      if (body == null) {
        continue;
      }
      String key = folder + group + "_0.json";
      files.add(new PutObject(bucket.textValue(), key, new String(body, StandardCharsets.UTF_8), body.length));
      listed.addObject().put("Key", key).put("Size", body.length);
    }
    // the files are written in the order AWS lists them: the results by status, then the manifest
    files.sort((a, b) -> Integer.compare(order(a.key()), order(b.key())));
    String manifestKey = folder + "manifest.json";
    files.add(new PutObject(bucket.textValue(), manifestKey, Json.write(manifest)));
    ObjectNode output = Json.NODES.objectNode();
    output.put("MapRunArn", run.arn());
    output.putObject("ResultWriterDetails").put("Bucket", bucket.textValue()).put("Key", manifestKey);
    return new Export(files, output);
  }

  /** One result file being written: its bytes so far and how many entries they hold. */
  private static final class FileBody implements AutoCloseable {
    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    final com.fasterxml.jackson.core.JsonGenerator g;
    final boolean lines;
    int entries;

    FileBody(boolean lines) throws java.io.IOException {
      this.lines = lines;
      g = Json.MAPPER.createGenerator(bytes);
      g.setRootValueSeparator(null); // JSON Lines: each entry ends with its own newline
      if (!lines) {
        g.writeStartArray();
      }
    }

    void write(JsonNode entry) throws java.io.IOException {
      g.writeTree(entry);
      if (lines) {
        g.writeRaw('\n');
      }
      entries++;
    }

    @Override
    public void close() throws java.io.IOException {
      if (!lines) {
        g.writeEndArray();
      }
      g.close();
    }
  }

  /**
   * Each result file's bytes by group, a group with no entry left out. The children are gone
   * through once, each entry made and written at once, so a run of 100,000 children never holds
   * more than the files themselves: each entry's tree is garbage as soon as it is written.
   */
  private static Map<String, byte[]> files(String transformation, boolean lines, MapRunIdentity run, List<ChildRun> children,
      long stopMillis) {
    Map<String, FileBody> writers = new java.util.HashMap<>();
    try {
      for (ChildRun c : children) {
        String group = groupOf(c.status());
        FileBody f = writers.get(group);
        if (f == null) {
          f = new FileBody(lines);
          writers.put(group, f);
        }
        JsonNode entry = group.equals("SUCCEEDED") ? shaped(transformation, run, c, stopMillis) : metadata(run, c, stopMillis);
        if (group.equals("SUCCEEDED") && "FLATTEN".equals(transformation) && entry.isArray()) {
          for (JsonNode e : entry) {
            f.write(e);
          }
        } else {
          f.write(entry);
        }
      }
      Map<String, byte[]> out = new java.util.HashMap<>();
      for (Map.Entry<String, FileBody> e : writers.entrySet()) {
        e.getValue().close();
        if (e.getValue().entries > 0) {
          out.put(e.getKey(), e.getValue().bytes.toByteArray());
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** The Map's output with a WriterConfig and no Resource: the children's results shaped by Transformation. */
  public static ArrayNode stateOutput(ResultWriter w, MapRunIdentity run, List<ChildRun> children,
      java.util.function.Supplier<ArrayNode> compact, long stopMillis) {
    String transformation = w.transformation() == null ? "COMPACT" : w.transformation();
    if (transformation.equals("COMPACT")) {
      return compact.get();
    }
    List<JsonNode> entries = new ArrayList<>();
    for (ChildRun c : children) {
      entries.add(c.status() == ChildRun.Status.SUCCEEDED ? shaped(transformation, run, c, stopMillis) : metadata(run, c, stopMillis));
    }
    return array(transformation.equals("FLATTEN") ? flatten(entries) : entries);
  }

  private static int order(String key) {
    return key.contains("/SUCCEEDED_") ? 0 : key.contains("/FAILED_") ? 1 : 2;
  }

  private static String groupOf(ChildRun.Status s) {
    return switch (s) {
      case SUCCEEDED -> "SUCCEEDED";
      case FAILED, ABORTED -> "FAILED";
      case PENDING -> "PENDING";
    };
  }

  /** NONE keeps the child's execution record; COMPACT and FLATTEN keep its output. */
  private static JsonNode shaped(String transformation, MapRunIdentity run, ChildRun c, long stopMillis) {
    return transformation.equals("NONE") ? metadata(run, c, stopMillis) : c.output();
  }

  /** FLATTEN: a child's array output contributes its elements. */
  private static List<JsonNode> flatten(List<JsonNode> entries) {
    List<JsonNode> flat = new ArrayList<>();
    for (JsonNode e : entries) {
      if (e.isArray()) {
        e.forEach(flat::add);
      } else {
        flat.add(e);
      }
    }
    return flat;
  }

  /** A child execution as DescribeExecution shows it; a pending child has only its input. */
  static ObjectNode metadata(MapRunIdentity run, ChildRun c, long stopMillis) {
    ObjectNode o = Json.NODES.objectNode();
    if (c.status() != ChildRun.Status.PENDING) {
      o.put("ExecutionArn", c.executionArn());
    }
    o.put("Input", Json.write(c.input()));
    o.putObject("InputDetails").put("Included", true);
    if (c.status() == ChildRun.Status.PENDING) {
      o.put("Status", "PENDING");
      return o;
    }
    o.put("Name", run.childName(c.index()));
    if (c.status() == ChildRun.Status.SUCCEEDED) {
      o.put("Output", Json.write(c.output()));
      o.putObject("OutputDetails").put("Included", true);
    } else {
      if (c.error() != null) {
        o.put("Error", c.error());
      }
      if (c.cause() != null) {
        o.put("Cause", c.cause());
      }
    }
    o.put("RedriveCount", c.redriveCount());
    if (c.status() == ChildRun.Status.SUCCEEDED) {
      o.put("RedriveStatus", "NOT_REDRIVABLE");
      o.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    } else {
      o.put("RedriveStatus", "REDRIVABLE_BY_MAP_RUN");
    }
    o.put("StartDate", DATE.format(Instant.ofEpochMilli(run.startMillis())));
    o.put("StateMachineArn", run.childMachineArn());
    o.put("Status", c.status().name());
    o.put("StopDate", DATE.format(Instant.ofEpochMilli(stopMillis)));
    return o;
  }

  private static ArrayNode array(List<JsonNode> entries) {
    ArrayNode a = Json.NODES.arrayNode(entries.size());
    entries.forEach(a::add);
    return a;
  }

}
