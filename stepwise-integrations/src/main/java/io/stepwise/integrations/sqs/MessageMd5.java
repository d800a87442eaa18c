package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The MD5 digests SQS answers, which the SDKs check against what they sent: of the body's UTF-8
 * bytes, and of the message attributes encoded as SQS specifies (by name in order; each name, data
 * type and value with a 4-byte big-endian length before it, and the value after a transport byte,
 * 1 for a string, 2 for binary).
 */
final class MessageMd5 {
  private MessageMd5() {}

  static String ofBody(String body) {
    return hex(body.getBytes(StandardCharsets.UTF_8));
  }

  /** @param attributes {@code {name: {DataType, StringValue | BinaryValue (base64)}}}; null when there are none */
  static String ofAttributes(JsonNode attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    attributes.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : names) {
      JsonNode a = attributes.get(name);
      field(out, name.getBytes(StandardCharsets.UTF_8));
      field(out, a.path("DataType").asText().getBytes(StandardCharsets.UTF_8));
      if (a.hasNonNull("StringValue")) {
        out.write(1);
        field(out, a.get("StringValue").asText().getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(2);
        field(out, Base64.getDecoder().decode(a.path("BinaryValue").asText()));
      }
    }
    return hex(out.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

}
