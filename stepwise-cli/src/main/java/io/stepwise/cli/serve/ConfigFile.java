package io.stepwise.cli.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stepwise.integrations.config.ServicesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code stepwise.yaml}: the settings of {@code stepwise serve} in a file. Every key is declared
 * with its type in {@link #SCHEMA}, top-level ones and those of a section ({@code auth:}); a key
 * not declared, a value of the wrong type, or YAML that does not parse is refused at start, naming
 * the file, the key's path ({@code auth.mode}) and what is wrong. A later section (the
 * integrations' settings) is one more entry in the schema. Paths in the file are relative to the
 * file's own folder.
 */
public final class ConfigFile {
  /** The file's name in the working directory, read when present and no other is named. */
  public static final String NAME = "stepwise.yaml";

  /** A key of the schema: a value read by {@code read}, or a section of keys. */
  sealed interface Key {
    /** @param read the value from the YAML node and the file's folder; IllegalArgumentException says what is wrong */
    record Value(BiFunction<JsonNode, Path, Object> read) implements Key {}

    record Section(Map<String, Key> keys) implements Key {}
  }

  static final Map<String, Key> SCHEMA = schema();

  private static Map<String, Key> schema() {
    Map<String, Key> auth = new LinkedHashMap<>();
    auth.put("mode", new Key.Value((n, dir) -> Setting.AUTH.parse(text(n))));
    auth.put("credentials", new Key.Value((n, dir) -> path(n, dir)));
    auth.put("consoleToken", new Key.Value((n, dir) -> Setting.CONSOLE_TOKEN.parse(text(n))));
    Map<String, Key> top = new LinkedHashMap<>();
    top.put("host", new Key.Value((n, dir) -> text(n)));
    top.put("port", new Key.Value((n, dir) -> Setting.PORT.parse(Long.toString(integer(n)))));
    top.put("data", new Key.Value((n, dir) -> path(n, dir)));
    top.put("region", new Key.Value((n, dir) -> Setting.REGION.parse(text(n))));
    top.put("account", new Key.Value((n, dir) -> Setting.ACCOUNT.parse(n.isIntegralNumber() ? n.asText() : text(n))));
    top.put("maxInFlight", new Key.Value((n, dir) -> Setting.MAX_IN_FLIGHT.parse(Long.toString(integer(n)))));
    top.put("retention", new Key.Value((n, dir) -> {
      if (n.isNumber()) {
        throw new IllegalArgumentException("must be a duration with its unit, such as 90d, 12h or 30m (or never), not the number "
            + n.asText());
      }
      return Setting.RETENTION.parse(text(n));
    }));
    top.put("auth", new Key.Section(auth));
    top.put("mockConfig", new Key.Value((n, dir) -> path(n, dir)));
    top.put("executionLogs", new Key.Value((n, dir) -> {
      String t = text(n).strip();
      return t.equals("stdout") ? t : path(n, dir).toString();
    }));
    // the integrations' sections, read whole: ServicesSettings checks services (with the
    // environment and flags over it), the Lambda integration its functions
    top.put("services", new Key.Value((n, dir) -> {
      try {
        ServicesSettings.resolve(n, Map.of(), List.of());
      } catch (IllegalArgumentException e) {
        throw new SettingsException(e.getMessage()); // it names the key's whole path (services.s3.region)
      }
      return n;
    }));
    top.put("functions", new Key.Value((n, dir) -> {
      try {
        io.stepwise.integrations.lambda.config.FunctionsConfig.read(n, dir);
      } catch (IllegalArgumentException e) {
        throw new SettingsException(e.getMessage()); // it names the key's whole path (functions.payment.command)
      }
      return n;
    }));
    return top;
  }

  private final Path file;
  private final Map<String, Object> values;

  private ConfigFile(Path file, Map<String, Object> values) {
    this.file = file;
    this.values = values;
  }

  public Path file() {
    return file;
  }

  /** The value of a key by its path ({@code port}, {@code auth.mode}), as its schema read it; null when the file has none. */
  public Object get(String path) {
    return values.get(path);
  }

  /** Reads and checks the file: every key known, every value of its type; SettingsException naming the key otherwise. */
  public static ConfigFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("the configuration file " + file + " does not exist");
    }
    JsonNode root;
    try {
      YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
      root = yaml.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new SettingsException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SettingsException("the configuration file " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      Path dir = file.toAbsolutePath().getParent();
      section(file, "", root, SCHEMA, dir, values);
    }
    return new ConfigFile(file, values);
  }

  private static void section(Path file, String prefix, JsonNode node, Map<String, Key> keys, Path dir, Map<String, Object> out) {
    if (!node.isObject()) {
      throw new SettingsException(file + ": " + (prefix.isEmpty() ? "the file" : prefix.substring(0, prefix.length() - 1))
          + " must be a mapping of keys (" + String.join(", ", keys.keySet()) + "), not " + describe(node));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = prefix + e.getKey();
      Key key = keys.get(e.getKey());
      if (key == null) {
        throw new SettingsException(file + ": " + path + ": unknown key (known " + (prefix.isEmpty() ? "" : "in " + prefix
            .substring(0, prefix.length() - 1) + " ") + "are " + String.join(", ", keys.keySet()) + ")");
      }
      switch (key) {
        case Key.Section s -> section(file, path + ".", e.getValue(), s.keys(), dir, out);
        case Key.Value v -> {
          if (e.getValue().isNull()) {
            continue; // "key:" with nothing after it: as if absent
          }
          try {
            out.put(path, v.read().apply(e.getValue(), dir));
          } catch (SettingsException whole) {
            throw new SettingsException(file + ": " + whole.getMessage());
          } catch (IllegalArgumentException bad) {
            throw new SettingsException(file + ": " + path + ": " + bad.getMessage());
          }
        }
      }
    }
  }

  private static String text(JsonNode n) {
    if (!n.isTextual()) {
      throw new IllegalArgumentException("must be a string, not " + describe(n));
    }
    return n.asText();
  }

  private static long integer(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException("must be a whole number, not " + describe(n));
    }
    return n.asLong();
  }

  private static Path path(JsonNode n, Path dir) {
    return Setting.resolvePath(text(n), dir);
  }

  private static String describe(JsonNode n) {
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
      return "a mapping";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
