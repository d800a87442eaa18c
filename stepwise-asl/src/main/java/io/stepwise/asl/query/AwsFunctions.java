package io.stepwise.asl.query;

import com.dashjoin.jsonata.Jsonata;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata: $partition, $range, $hash, $random, $uuid, $parse.
 * Results that could grow without bound are capped, so an expression cannot exhaust memory.
 */
final class AwsFunctions {
  /** The most items $range and $partition may produce. */
  static final int MAX_ITEMS = 100_000;

  /** Finds a call of any of them in an expression's text. */
  static final java.util.regex.Pattern NAMES = java.util.regex.Pattern.compile("\\$(partition|range|hash|random|uuid|parse)\\b");

  private AwsFunctions() {}

  static void bind(Jsonata.Frame frame, RandomGenerator random) {
    frame.bind("partition", Jsonata.function("partition", (Jsonata.Fn2<List<?>, Number, Object>) AwsFunctions::partition, null));
    frame.bind("range", Jsonata.function("range", (Jsonata.Fn3<Number, Number, Number, Object>) AwsFunctions::range, null));
    frame.bind("hash", Jsonata.function("hash", (Jsonata.Fn2<Object, String, Object>) AwsFunctions::hash, null));
    frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> random(args, random), null));
    frame.bind("uuid", Jsonata.function("uuid", (Jsonata.Fn0<Object>) () -> uuid(random), null));
    frame.bind("parse", Jsonata.function("parse", (Jsonata.Fn1<String, Object>) AwsFunctions::parse, null));
  }

  static Object partition(List<?> array, Number size) {
    if (array == null || size == null || size.doubleValue() < 1 || size.doubleValue() != Math.rint(size.doubleValue())) {
      throw new IllegalArgumentException("$partition needs an array and a positive whole chunk size");
    }
    int n = size.intValue();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i += n) {
      out.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + n))));
    }
    return out;
  }

  static Object range(Number start, Number end, Number step) {
    if (start == null || end == null || step == null || step.doubleValue() == 0) {
      throw new IllegalArgumentException("$range needs a start, an end and a non-zero step");
    }
    double s = start.doubleValue();
    double e = end.doubleValue();
    double st = step.doubleValue();
    double count = Math.floor((e - s) / st) + 1;
    if (count > MAX_ITEMS) {
      throw new IllegalArgumentException("$range would produce more than " + MAX_ITEMS + " items");
    }
    List<Object> out = new ArrayList<>();
    for (double v = s; st > 0 ? v <= e : v >= e; v += st) {
      out.add(v == Math.rint(v) ? (Object) (long) v : v);
    }
    // JSONata sequences of one item are that item
    return out.size() == 1 ? out.get(0) : out;
  }

  static Object hash(Object value, String algorithm) {
    String name = switch (algorithm == null ? "" : algorithm) {
      case "MD5" -> "MD5";
      case "SHA-1" -> "SHA-1";
      case "SHA-256" -> "SHA-256";
      case "SHA-384" -> "SHA-384";
      case "SHA-512" -> "SHA-512";
      default -> throw new IllegalArgumentException(
          "$hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 but was " + algorithm);
    };
    String text = value instanceof String s ? s : Json.write(JsonataValues.toJson(value));
    try {
      byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object random(List<?> args, RandomGenerator random) {
    if (args != null && !args.isEmpty() && args.get(0) instanceof Number seed) {
      return new Random(seed.longValue()).nextDouble();
    }
    return random.nextDouble();
  }

  static Object uuid(RandomGenerator random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("$parse needs a string");
    }
    try {
      return JsonataValues.toJava(Json.parse(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("$parse: the string is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
