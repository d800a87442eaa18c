package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/** States.Base64Encode, Base64Decode and Hash. */
final class EncodingFunctions {
  /** AWS's limit on the text these functions take. */
  static final int MAX_INPUT_CHARS = 10_000;

  private static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingFunctions() {}

  static JsonNode base64Encode(Args args, Scope scope) {
    String text = limited(args, args.text(0));
    return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  static JsonNode base64Decode(Args args, Scope scope) {
    String text = limited(args, args.text(0));
    try {
      return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw args.fail("the argument is not valid Base64");
    }
  }

  /** The hex digest of a string, or of the JSON text of any other value. */
  static JsonNode hash(Args args, Scope scope) {
    JsonNode data = args.get(0);
    String text = limited(args, data.isTextual() ? data.textValue() : Json.write(data));
    String algorithm = args.text(1);
    if (!ALGORITHMS.contains(algorithm)) {
      throw args.fail("the hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was '" + algorithm + "'");
    }
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return Json.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has these five
    }
  }

  private static String limited(Args args, String text) {
    if (text.length() > MAX_INPUT_CHARS) {
      throw args.fail("the input is " + text.length() + " characters long, more than the maximum of " + MAX_INPUT_CHARS);
    }
    return text;
  }
}
