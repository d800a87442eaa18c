package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The functions Step Functions adds to JSONata, and the built-ins it changes, bound on every
 * compiled expression:
 *
 * <ul>
 *   <li>{@code $partition(array, size)}: the array in chunks of size items, the last one shorter.
 *   <li>{@code $range(start, end, step)}: start, start+step, ... up to and including end. As on
 *       AWS the result is a sequence, so a range of one number is that number.
 *   <li>{@code $hash(value, algorithm)}: the lowercase hex digest (MD5, SHA-1, SHA-256, SHA-384,
 *       SHA-512) of a string, or of the JSON text of any other value.
 *   <li>{@code $random()} and {@code $random(seed)}: a double in [0, 1). Unseeded it draws from
 *       the evaluation's generator; seeded it is {@code new java.util.Random(seed).nextDouble()},
 *       as on AWS ({@code $random(42)} is 0.7275636800328681).
 *   <li>{@code $uuid()}: a version 4 UUID drawn from the evaluation's generator.
 *   <li>{@code $parse(text)}: the JSON value a string holds.
 *   <li>{@code $eval} is not a function on AWS; calling it fails with T1006.
 *   <li>{@code $now()} and {@code $millis()} read the evaluation's clock (the library would report
 *       the time its per-thread state was created).
 *   <li>{@code $pad} refuses a width beyond the string limit before building the string;
 *       {@code $number}, {@code $toMillis}, {@code $sort} and {@code $assert} fail with the
 *       jsonata-js error where the library would throw a Java exception or lose the message.
 * </ul>
 *
 * Integer arguments are rounded down, as AWS documents.
 */
final class StepFunctionsFunctions {
  private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private StepFunctionsFunctions() {}

  /** Binds the functions into an expression's own environment, before it is shared. */
  static void register(Jsonata expression) {
    expression.registerFunction("partition", new Jsonata.JFunction(StepFunctionsFunctions::partition, "<an:a>"));
    expression.registerFunction("range", new Jsonata.JFunction(StepFunctionsFunctions::range, "<nnn:a<n>>"));
    expression.registerFunction("hash", new Jsonata.JFunction(StepFunctionsFunctions::hash, "<xs:s>"));
    expression.registerFunction("random", new Jsonata.JFunction(StepFunctionsFunctions::random, "<n?:n>"));
    expression.registerFunction("uuid", new Jsonata.JFunction(StepFunctionsFunctions::uuid, "<:s>"));
    expression.registerFunction("parse", new Jsonata.JFunction(StepFunctionsFunctions::parse, "<s:x>"));
    expression.assign("eval", null);
    expression.registerFunction("now", new Jsonata.JFunction(StepFunctionsFunctions::now, "<s?s?:s>"));
    expression.registerFunction("millis", new Jsonata.JFunction(StepFunctionsFunctions::millis, "<:n>"));
    expression.registerFunction("pad", new Jsonata.JFunction(StepFunctionsFunctions::pad, "<s-ns?:s>"));
    expression.registerFunction("number", new Jsonata.JFunction(StepFunctionsFunctions::number, "<(nsb)-:n>"));
    expression.registerFunction("toMillis", new Jsonata.JFunction(StepFunctionsFunctions::toMillis, "<s-s?:n>"));
    expression.registerFunction("sort", new Jsonata.JFunction(StepFunctionsFunctions::sort, "<af?:a>"));
    expression.registerFunction("assert", new Jsonata.JFunction(StepFunctionsFunctions::assertion, "<bs?:x>"));
  }

  private static Object arg(List<?> args, int i) {
    return i < args.size() ? args.get(i) : null;
  }

  private static JException fail(String message) {
    return new JException(message);
  }

  /** Rounds down, as AWS does with the integer arguments of its functions. */
  private static double floor(Object number) {
    return Math.floor(((Number) number).doubleValue());
  }

  static Object partition(Object context, List<?> args) {
    List<?> array = (List<?>) arg(args, 0);
    Object sizeArg = arg(args, 1);
    if (array == null || sizeArg == null) {
      return null;
    }
    double size = floor(sizeArg);
    if (!(size > 0)) {
      throw fail("The chunk size argument of function \"partition\" must be a positive integer, but was "
          + JsonataValues.stringify(sizeArg));
    }
    int chunk = size >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) size;
    List<Object> out = new ArrayList<>(array.size() / chunk + 1);
    for (int i = 0; i < array.size(); i += chunk) {
      out.add(new ArrayList<>(array.subList(i, (int) Math.min((long) i + chunk, array.size()))));
    }
    return out;
  }

  static Object range(Object context, List<?> args) {
    if (arg(args, 0) == null || arg(args, 1) == null || arg(args, 2) == null) {
      return null;
    }
    double start = floor(arg(args, 0));
    double end = floor(arg(args, 1));
    double step = floor(arg(args, 2));
    if (step == 0) {
      throw fail("The step argument of function \"range\" must not be 0");
    }
    double count = (step > 0 ? end >= start : end <= start) ? Math.floor((end - start) / step) + 1 : 0;
    Evaluation.current().checkArrayLength(count > Long.MAX_VALUE ? Long.MAX_VALUE : (long) count);
    List<Object> out = Utils.createSequence();
    long first = (long) start;
    long by = (long) step;
    for (long i = 0; i < (long) count; i++) {
      long v = first + i * by;
      out.add(v == (int) v ? (Object) (int) v : (Object) v);
    }
    return out;
  }

  static Object hash(Object context, List<?> args) {
    Object value = arg(args, 0);
    String algorithm = (String) arg(args, 1);
    if (value == null || algorithm == null) {
      return null;
    }
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw fail("The algorithm argument of function \"hash\" must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512,"
          + " but was " + JsonataValues.stringify(algorithm));
    }
    String text = value instanceof String s ? s : Functions.string(value, false);
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has these five
    }
  }

  static Object random(Object context, List<?> args) {
    Object seed = arg(args, 0);
    if (seed == null) {
      return Evaluation.current().random().nextDouble();
    }
    return new Random((long) floor(seed)).nextDouble();
  }

  static Object uuid(Object context, List<?> args) {
    var random = Evaluation.current().random();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(msb, lsb).toString();
  }

  static Object parse(Object context, List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) {
      return null;
    }
    try {
      return JsonataValues.toPlain(Json.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw fail("The argument of function \"parse\" is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static Object now(Object context, List<?> args) {
    return Functions.dateTimeFromMillis(Evaluation.current().nowMillis(), (String) arg(args, 0), (String) arg(args, 1));
  }

  static Object millis(Object context, List<?> args) {
    return Evaluation.current().nowMillis();
  }

  /**
   * JSONata's $pad, written here because the library's builds the padding one character at a time
   * (quadratic: a width of a few million never finishes). Widths and lengths count code points.
   */
  static Object pad(Object context, List<?> args) {
    String text = (String) arg(args, 0);
    Number widthArg = (Number) arg(args, 1);
    if (text == null || widthArg == null) {
      return null;
    }
    String fill = (String) arg(args, 2);
    if (fill == null || fill.isEmpty()) {
      fill = " ";
    }
    double width = widthArg.doubleValue();
    long target = (long) Math.min(Math.abs(width), Long.MAX_VALUE);
    long padding = target - text.codePointCount(0, text.length());
    if (padding <= 0) {
      return text;
    }
    Evaluation evaluation = Evaluation.current();
    evaluation.checkStringLength(target);
    int fillPoints = fill.codePointCount(0, fill.length());
    StringBuilder pad = new StringBuilder();
    if (fillPoints == 1) {
      pad.append(fill.repeat((int) padding));
    } else {
      int[] points = fill.codePoints().toArray();
      for (long i = 0; i < padding; i++) {
        pad.appendCodePoint(points[(int) (i % points.length)]);
      }
    }
    evaluation.checkStringLength((long) text.length() + pad.length());
    return width > 0 ? text + pad : pad + text;
  }

  static Object number(Object context, List<?> args) {
    Object value = arg(args, 0);
    try {
      return Functions.number(value);
    } catch (NumberFormatException e) {
      throw new JException("D3030", -1, value);
    }
  }

  static Object toMillis(Object context, List<?> args) throws Throwable {
    String timestamp = (String) arg(args, 0);
    try {
      return Functions.dateTimeToMillis(timestamp, (String) arg(args, 1));
    } catch (DateTimeParseException e) {
      throw new JException("D3110", -1, timestamp);
    }
  }

  static Object sort(Object context, List<?> args) {
    try {
      return Functions.sort((List<?>) arg(args, 0), arg(args, 1));
    } catch (ClassCastException e) {
      throw new JException("D3070", -1);
    }
  }

  static Object assertion(Object context, List<?> args) {
    Object condition = arg(args, 0);
    if (!Boolean.TRUE.equals(condition)) {
      Object message = arg(args, 1);
      throw new JException("D3141", -1, message != null ? message : "$assert() statement failed");
    }
    return null;
  }
}
