package io.stepwise.integrations.lambda.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code functions:} section of {@code stepwise.yaml}: a map of function
 * name to its settings, each with exactly one of {@code command}, {@code url} or {@code aws}.
 *
 * <pre>
 * functions:
 *   payment:
 *     command: python3
 *     args: [stepwise_lambda.py, payment.handler]
 *     env: {CURRENCY: EUR}
 *     workdir: functions        # relative to the file's folder
 *     concurrency: 2            # workers at most (default 1)
 *     timeout: 30               # seconds (default 3, as Lambda's)
 *   quote: {url: http://127.0.0.1:9000/quote, timeout: 10}
 *   charge: {aws: arn:aws:lambda:eu-west-1:123456789012:function:charge}
 * </pre>
 *
 * Every problem is an IllegalArgumentException naming the key's path ({@code functions.payment.timeout: ...}).
 */
public final class FunctionsConfig {
  /** Lambda's function names: letters, digits, hyphens and underscores, 1 to 64. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  static final List<String> KINDS = List.of("command", "url", "aws");
  private static final Map<String, Set<String>> KEYS = Map.of(
      "command", Set.of("command", "args", "env", "workdir", "concurrency", "timeout", "memory"),
      "url", Set.of("url", "timeout", "memory"),
      "aws", Set.of("aws", "region"));
  private static final Map<String, List<String>> KEY_ORDER = Map.of(
      "command", List.of("command", "args", "env", "workdir", "concurrency", "timeout", "memory"),
      "url", List.of("url", "timeout", "memory"),
      "aws", List.of("aws", "region"));

  private FunctionsConfig() {}

  /**
   * @param node the section, or null / JSON null for none
   * @param configDir where relative paths start
   */
  public static List<FunctionSpec> read(JsonNode node, Path configDir) {
    List<FunctionSpec> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("functions: must be a map of function name to its settings (command, url or aws), not "
          + describe(node));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      String at = "functions." + name;
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(at + ": '" + name + "' is not a Lambda function name (1 to 64 letters, digits, - and _)");
      }
      out.add(function(name, at, e.getValue(), configDir));
    }
    return out;
  }

  private static FunctionSpec function(String name, String at, JsonNode v, Path dir) {
    if (!v.isObject()) {
      throw new IllegalArgumentException(at + ": must be a map with one of command, url or aws, not " + describe(v));
    }
    List<String> kinds = KINDS.stream().filter(v::has).toList();
    if (kinds.size() != 1) {
      throw new IllegalArgumentException(at + ": " + (kinds.isEmpty() ? "needs one of command (a local program), url (an HTTP endpoint)"
          + " or aws (a real Lambda function)" : "has " + String.join(" and ", kinds) + ": give only one of command, url or aws"));
    }
    String kind = kinds.get(0);
    for (String key : iterable(v.fieldNames())) {
      if (!KEYS.get(kind).contains(key)) {
        throw new IllegalArgumentException(at + "." + key + ": unknown key for a" + (kind.equals("aws") ? "n " : " ") + kind
            + " function (known: " + String.join(", ", KEY_ORDER.get(kind)) + ")");
      }
    }
    return switch (kind) {
      case "command" -> new FunctionSpec.Command(name, text(v, "command", at), strings(v, "args", at), env(v, at),
          workdir(v, at, dir), integer(v, "concurrency", at, 1, 1, 1000), timeout(v, at), integer(v, "memory", at, 128, 128, 10240));
      case "url" -> new FunctionSpec.Url(name, url(v, at), timeout(v, at), integer(v, "memory", at, 128, 128, 10240));
      default -> new FunctionSpec.Aws(name, awsFunction(v, at), v.has("region") ? text(v, "region", at) : null);
    };
  }

  private static String text(JsonNode v, String key, String at) {
    JsonNode n = v.get(key);
    if (n == null || !n.isTextual() || n.textValue().isBlank()) {
      throw new IllegalArgumentException(at + "." + key + ": must be a non-empty string, not " + describe(n));
    }
    return n.textValue();
  }

  private static List<String> strings(JsonNode v, String key, String at) {
    JsonNode n = v.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException(at + "." + key + ": must be a list of strings, not " + describe(n));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode a = n.get(i);
      if (!a.isTextual() && !a.isNumber()) {
        throw new IllegalArgumentException(at + "." + key + "[" + i + "]: must be a string, not " + describe(a));
      }
      out.add(a.asText());
    }
    return List.copyOf(out);
  }

  private static Map<String, String> env(JsonNode v, String at) {
    JsonNode n = v.get("env");
    if (n == null || n.isNull()) {
      return Map.of();
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(at + ".env: must be a map of variable name to value, not " + describe(n));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode val = e.getValue();
      if (!val.isValueNode() || val.isNull()) {
        throw new IllegalArgumentException(at + ".env." + e.getKey() + ": must be a string, not " + describe(val));
      }
      out.put(e.getKey(), val.asText());
    }
    return out;
  }

  private static Path workdir(JsonNode v, String at, Path dir) {
    if (!v.has("workdir") || v.get("workdir").isNull()) {
      return dir.toAbsolutePath().normalize();
    }
    return dir.resolve(text(v, "workdir", at)).toAbsolutePath().normalize();
  }

  private static int integer(JsonNode v, String key, String at, int dflt, int min, int max) {
    JsonNode n = v.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      throw new IllegalArgumentException(at + "." + key + ": must be a whole number from " + min + " to " + max + ", not " + describe(n));
    }
    return n.intValue();
  }

  /** Lambda's function timeout: 1 to 900 seconds, 3 by default. */
  private static Duration timeout(JsonNode v, String at) {
    JsonNode n = v.get("timeout");
    if (n == null || n.isNull()) {
      return Duration.ofSeconds(3);
    }
    if (!n.isNumber() || n.doubleValue() <= 0 || n.doubleValue() > 900) {
      throw new IllegalArgumentException(at + ".timeout: must be a number of seconds above 0 and at most 900 (Lambda's limit), not "
          + describe(n));
    }
    return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
  }

  private static URI url(JsonNode v, String at) {
    String text = text(v, "url", at);
    try {
      URI u = new URI(text);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new IllegalArgumentException(at + ".url: '" + text + "' is not an http(s) URL with a host");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(at + ".url: '" + text + "' is not a URL: " + e.getReason());
    }
  }

  private static String awsFunction(JsonNode v, String at) {
    String f = text(v, "aws", at);
    if (!Pattern.matches("(arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:[a-zA-Z0-9$_-]{1,128})?", f)) {
      throw new IllegalArgumentException(at + ".aws: '" + f + "' is not a Lambda function name or ARN");
    }
    return f;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }

  static String describe(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      return "the string '" + n.asText() + "'";
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    if (n.isBoolean()) {
      return "the boolean " + n.asText();
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isObject()) {
      return "a map";
    }
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
