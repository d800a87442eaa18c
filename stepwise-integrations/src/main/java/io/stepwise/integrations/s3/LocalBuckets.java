package io.stepwise.integrations.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Local buckets in a directory: each bucket a folder, each object a file at its key's path
 * ({@code ROOT/orders/2024/jan.csv} is the object {@code 2024/jan.csv} of the bucket
 * {@code orders}), so files put there by hand are objects, and objects can be read with any tool.
 * What a file cannot hold (the content type, user metadata) is kept beside it under
 * {@code ROOT/.meta/BUCKET/KEY.json}; {@code .meta} cannot be a bucket (names start with a letter
 * or digit). A write goes to a temporary file, is forced to disk and then moved into place, so a
 * reader sees the old object or the new one, and a crash leaves no half-written object.
 *
 * <p>Keys a file system cannot hold as paths are refused with InvalidArgument: empty segments
 * ({@code a//b}, a leading or trailing {@code /}), {@code .} and {@code ..} segments, and a key that
 * is also the folder of other keys ({@code a} beside {@code a/b}).
 */
final class LocalBuckets implements ObjectStore {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final String META = ".meta";
  private static final String PARTIAL = ".stepwise-partial-";

  private final Path root;

  LocalBuckets(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local S3 directory " + root, e);
    }
  }

  Path root() {
    return root;
  }

  @Override
  public StoredObject get(String bucket, String key) {
    Path file = file(bucket, key);
    try {
      byte[] body = Files.readAllBytes(file);
      return new StoredObject(body, info(bucket, key, file, body));
    } catch (NoSuchFileException e) {
      throw S3Error.noSuchKey();
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw S3Error.noSuchKey(); // a folder of other keys, not an object
      }
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public ObjectInfo head(String bucket, String key) {
    return get(bucket, key).info();
  }

  @Override
  public String put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
    Path file = file(bucket, key);
    if (Files.isDirectory(file)) {
      throw S3Error.invalidArgument("The local S3 stand-in keeps objects as files: the key '" + key
          + "' is the folder of other keys in the bucket '" + bucket + "', and cannot also be an object");
    }
    for (Path p = file.getParent(); !p.equals(bucketDir(bucket)); p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        throw S3Error.invalidArgument("The local S3 stand-in keeps objects as files: the key '" + key + "' would be inside the object '"
            + bucketDir(bucket).relativize(p).toString().replace('\\', '/') + "' of the bucket '" + bucket + "'");
      }
    }
    try {
      writeAtomically(file, body);
      Path meta = metaFile(bucket, key);
      if (contentType != null || !metadata.isEmpty()) {
        ObjectNode m = Json.NODES.objectNode();
        if (contentType != null) {
          m.put("ContentType", contentType);
        }
        ObjectNode user = m.putObject("Metadata");
        metadata.forEach(user::put);
        writeAtomically(meta, Json.write(m).getBytes(StandardCharsets.UTF_8));
      } else {
        Files.deleteIfExists(meta);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return etag(body);
  }

  @Override
  public void delete(String bucket, String key) {
    Path file = file(bucket, key);
    try {
      if (Files.isRegularFile(file)) {
        Files.delete(file);
      }
      Files.deleteIfExists(metaFile(bucket, key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  @Override
  public Listing list(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken, String startAfter) {
    Path dir = bucketDir(bucket);
    String after = startAfter;
    if (continuationToken != null) {
      try {
        after = new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw S3Error.invalidArgument("The continuation token provided is incorrect");
      }
    }
    TreeSet<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).forEach(p -> {
        String k = dir.relativize(p).toString().replace('\\', '/');
        if (!p.getFileName().toString().startsWith(PARTIAL)) {
          keys.add(k);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    String p = prefix == null ? "" : prefix;
    List<ObjectInfo> objects = new ArrayList<>();
    List<String> common = new ArrayList<>();
    String last = null;
    boolean truncated = false;
    for (String k : after == null ? keys : keys.tailSet(after, false)) {
      if (!k.startsWith(p)) {
        if (k.compareTo(p) > 0) {
          break;
        }
        continue;
      }
      String group = null;
      if (delimiter != null && !delimiter.isEmpty()) {
        int d = k.indexOf(delimiter, p.length());
        if (d >= 0) {
          group = k.substring(0, d + delimiter.length());
        }
      }
      if (group != null && !common.isEmpty() && common.get(common.size() - 1).equals(group)) {
        last = k;
        continue;
      }
      if (objects.size() + common.size() == maxKeys) {
        truncated = true;
        break;
      }
      if (group != null) {
        common.add(group);
      } else {
        objects.add(info(bucket, k, dir.resolve(k), null));
      }
      last = k;
    }
    String next = truncated ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)) : null;
    return new Listing(objects, common, next);
  }

  @Override
  public void createBucket(String bucket) {
    checkBucketName(bucket);
    try {
      Files.createDirectories(root.resolve(bucket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the bucket folder " + root.resolve(bucket), e);
    }
  }

  @Override
  public List<String> buckets() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path d : dirs) {
        String name = d.getFileName().toString();
        if (BUCKET.matcher(name).matches()) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    out.sort(null);
    return out;
  }

  private ObjectInfo info(String bucket, String key, Path file, byte[] body) {
    try {
      byte[] content = body != null ? body : Files.readAllBytes(file);
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      String contentType = null;
      Map<String, String> metadata = new LinkedHashMap<>();
      Path meta = metaFile(bucket, key);
      if (Files.isRegularFile(meta)) {
        JsonNode m = Json.parse(Files.readString(meta));
        contentType = m.path("ContentType").isTextual() ? m.path("ContentType").textValue() : null;
        m.path("Metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
      }
      return new ObjectInfo(key, content.length, etag(content), modified, contentType, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private Path bucketDir(String bucket) {
    checkBucketName(bucket);
    Path dir = root.resolve(bucket);
    if (!Files.isDirectory(dir)) {
      throw S3Error.noSuchBucket(bucket);
    }
    return dir;
  }

  private Path file(String bucket, String key) {
    Path dir = bucketDir(bucket);
    if (key == null || key.isEmpty()) {
      throw S3Error.invalidArgument("An object key must not be empty");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(PARTIAL)) {
        throw S3Error.invalidArgument("The local S3 stand-in keeps objects as files, and cannot hold the key '" + key
            + "': its segments between slashes must not be empty, '.' or '..'");
      }
    }
    Path file = dir.resolve(key).normalize();
    if (!file.startsWith(dir)) {
      throw S3Error.invalidArgument("The key '" + key + "' names a path outside the bucket '" + bucket + "'");
    }
    return file;
  }

  private Path metaFile(String bucket, String key) {
    return root.resolve(META).resolve(bucket).resolve(key + ".json");
  }

  private static void checkBucketName(String bucket) {
    if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new S3Error("InvalidBucketName", 400, "The specified bucket is not valid: '" + bucket
          + "' (3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)");
    }
  }

  private static void writeAtomically(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(PARTIAL + file.getFileName() + "-" + Thread.currentThread().threadId());
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String etag(byte[] content) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
