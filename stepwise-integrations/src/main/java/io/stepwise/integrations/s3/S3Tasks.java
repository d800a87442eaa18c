package io.stepwise.integrations.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * S3's Task resources: the AWS SDK integration {@code arn:aws:states:::aws-sdk:s3:ACTION} for
 * getObject, putObject, headObject, deleteObject, listObjectsV2, createBucket and listBuckets
 * (PascalCase parameters and response members, as Step Functions passes them), and the
 * {@code arn:aws:states:::s3:getObject|listObjectsV2|putObject} calls a Distributed Map's
 * ItemReader and ResultWriter make (getObject answers the object's text, decompressed if it was
 * gzip, which the Map parses).
 *
 * <p>Errors are {@code S3.<Name>Exception} for S3's codes that the SDK has an exception for
 * (NoSuchKey, NoSuchBucket, BucketAlreadyOwnedByYou, InvalidObjectState), else
 * {@code S3.S3Exception}, with the SDK's cause text: "MESSAGE (Service: S3, Status Code: N, Request
 * ID: ID)".
 */
final class S3Tasks implements TaskHandler {
  static final List<String> SDK_ACTIONS =
      List.of("getObject", "putObject", "headObject", "deleteObject", "listObjectsV2", "createBucket", "listBuckets");
  private static final Set<String> MAP_CALLS = Set.of("getObject", "listObjectsV2", "putObject");
  private static final Set<String> MODELLED =
      Set.of("NoSuchKey", "NoSuchBucket", "BucketAlreadyExists", "BucketAlreadyOwnedByYou", "InvalidObjectState", "NoSuchUpload");

  private final ObjectStore store;
  private final String where;

  /** @param where for messages: "the local S3 stand-in" or the endpoint */
  S3Tasks(ObjectStore store, String where) {
    this.store = store;
    this.where = where;
  }

  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    if (resource.type() != ResourceArn.Type.SERVICE) {
      return false;
    }
    return "aws-sdk:s3".equals(resource.resourceType()) || "s3".equals(resource.resourceType());
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) throws TaskFailure {
    String action = resource.resource();
    boolean sdk = "aws-sdk:s3".equals(resource.resourceType());
    if (action.contains(".")) {
      throw new TaskFailure("States.TaskFailed", "S3's " + action.substring(0, action.indexOf('.')) + " supports only the Request"
          + " Response pattern, not " + action.substring(action.indexOf('.') + 1));
    }
    if (sdk ? !SDK_ACTIONS.contains(action) : !MAP_CALLS.contains(action)) {
      throw new TaskFailure("States.TaskFailed", (sdk ? "arn:aws:states:::aws-sdk:s3:" : "arn:aws:states:::s3:") + action + " is not an S3"
          + " action Stepwise carries out; it carries out " + String.join(", ", sdk ? SDK_ACTIONS : List.copyOf(MAP_CALLS)));
    }
    JsonNode in = request.input() == null ? Json.NODES.objectNode() : request.input();
    try {
      return switch (action) {
        case "getObject" -> sdk ? getObject(in) : readerContent(in);
        case "headObject" -> headers(Json.NODES.objectNode(), store.head(required(in, "Bucket"), required(in, "Key")));
        case "putObject" -> putObject(in);
        case "deleteObject" -> {
          store.delete(required(in, "Bucket"), required(in, "Key"));
          yield Json.NODES.objectNode();
        }
        case "listObjectsV2" -> listObjectsV2(in);
        case "createBucket" -> {
          String bucket = required(in, "Bucket");
          store.createBucket(bucket);
          yield Json.NODES.objectNode().put("Location", "/" + bucket);
        }
        case "listBuckets" -> listBuckets();
        default -> throw new IllegalStateException(action);
      };
    } catch (S3Error e) {
      String name = MODELLED.contains(e.code) ? "S3." + e.code + "Exception" : "S3.S3Exception";
      throw new TaskFailure(name, e.getMessage() + " (Service: S3, Status Code: " + e.status + ", Request ID: "
          + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT) + ")");
    }
  }

  /** What an ItemReader's {@code s3:getObject} reads: the object's text, decompressed if it was gzip. */
  private JsonNode readerContent(JsonNode in) throws TaskFailure {
    String bucket = required(in, "Bucket");
    String key = required(in, "Key");
    return Json.NODES.textNode(ReaderContent.text(bucket, key, store.get(bucket, key).body()));
  }

  private JsonNode getObject(JsonNode in) {
    ObjectStore.StoredObject o = store.get(required(in, "Bucket"), required(in, "Key"));
    ObjectNode out = Json.NODES.objectNode();
    out.put("AcceptRanges", "bytes");
    out.put("Body", text(o.body()));
    headers(out, o.info());
    return out;
  }

  private static ObjectNode headers(ObjectNode out, ObjectStore.ObjectInfo i) {
    if (!out.has("AcceptRanges")) {
      out.put("AcceptRanges", "bytes");
    }
    out.put("ContentLength", i.size());
    out.put("ContentType", i.contentType() == null ? "binary/octet-stream" : i.contentType());
    out.put("ETag", i.etag());
    out.put("LastModified", iso(i.lastModified()));
    ObjectNode m = out.putObject("Metadata");
    i.metadata().forEach(m::put);
    out.put("ServerSideEncryption", "AES256");
    return out;
  }

  private JsonNode putObject(JsonNode in) {
    JsonNode body = in.get("Body");
    byte[] bytes = body == null || body.isNull() ? new byte[0]
        : (body.isTextual() ? body.textValue() : Json.write(body)).getBytes(StandardCharsets.UTF_8);
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode m = in.get("Metadata");
    if (m != null && m.isObject()) {
      m.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
    }
    String contentType = in.path("ContentType").isTextual() ? in.path("ContentType").textValue() : null;
    String etag = store.put(required(in, "Bucket"), required(in, "Key"), bytes, contentType, metadata);
    return Json.NODES.objectNode().put("ETag", etag).put("ServerSideEncryption", "AES256");
  }

  private JsonNode listObjectsV2(JsonNode in) {
    String bucket = required(in, "Bucket");
    int maxKeys = in.path("MaxKeys").isInt() ? Math.max(0, Math.min(1000, in.path("MaxKeys").intValue())) : 1000;
    String prefix = optional(in, "Prefix");
    String delimiter = optional(in, "Delimiter");
    String token = optional(in, "ContinuationToken");
    String startAfter = optional(in, "StartAfter");
    ObjectStore.Listing page = store.list(bucket, prefix, delimiter, maxKeys, token, startAfter);
    ObjectNode out = Json.NODES.objectNode();
    if (!page.commonPrefixes().isEmpty()) {
      ArrayNode cp = out.putArray("CommonPrefixes");
      page.commonPrefixes().forEach(p -> cp.addObject().put("Prefix", p));
    }
    if (!page.objects().isEmpty()) {
      ArrayNode contents = out.putArray("Contents");
      for (ObjectStore.ObjectInfo o : page.objects()) {
        contents.addObject().put("ETag", o.etag()).put("Key", o.key()).put("LastModified", iso(o.lastModified())).put("Size", o.size())
            .put("StorageClass", "STANDARD");
      }
    }
    if (token != null) {
      out.put("ContinuationToken", token);
    }
    if (delimiter != null) {
      out.put("Delimiter", delimiter);
    }
    out.put("IsTruncated", page.nextContinuationToken() != null);
    out.put("KeyCount", page.objects().size() + page.commonPrefixes().size());
    out.put("MaxKeys", maxKeys);
    out.put("Name", bucket);
    if (page.nextContinuationToken() != null) {
      out.put("NextContinuationToken", page.nextContinuationToken());
    }
    out.put("Prefix", prefix == null ? "" : prefix);
    if (startAfter != null) {
      out.put("StartAfter", startAfter);
    }
    return out;
  }

  private JsonNode listBuckets() {
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode buckets = out.putArray("Buckets");
    for (String b : store.buckets()) {
      buckets.addObject().put("Name", b);
    }
    out.putObject("Owner").put("Id", "stepwise");
    return out;
  }

  private String required(JsonNode in, String member) {
    JsonNode v = in.get(member);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw S3Error.invalidArgument("The parameter " + member + " is required, as a non-empty string (" + where + ")");
    }
    return v.textValue();
  }

  private static String optional(JsonNode in, String member) {
    JsonNode v = in.get(member);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
