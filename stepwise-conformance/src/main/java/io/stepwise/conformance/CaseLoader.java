package io.stepwise.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads corpus cases: {@code cases/<id>/{definition.json, input.json, expected.json[, history.json]}}.
 */
public final class CaseLoader {
  private CaseLoader() {}

  /**
   * The case directories under a root, sorted by id. The root may be the corpus directory
   * (holding {@code cases/}), the {@code cases} directory itself, or a single case directory.
   *
   * @param globs case-id globs ({@code *}, {@code ?}); empty for every case
   */
  public static List<Path> caseDirs(Path root, Collection<String> globs) throws IOException {
    if (isCaseDir(root)) {
      return List.of(root);
    }
    Path cases = Files.isDirectory(root.resolve("cases")) ? root.resolve("cases") : root;
    if (!Files.isDirectory(cases)) {
      throw new NoSuchFileException(root.toString(), null, "not a conformance corpus directory");
    }
    List<Pattern> patterns = globs == null ? List.of() : globs.stream().map(CaseLoader::globToRegex).toList();
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(cases)) {
      s.filter(CaseLoader::isCaseDir)
          .filter(p -> patterns.isEmpty() || patterns.stream().anyMatch(g -> g.matcher(p.getFileName().toString()).matches()))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .forEach(dirs::add);
    }
    return dirs;
  }

  /** Loads every case under a root (see {@link #caseDirs}). */
  public static List<ConformanceCase> loadAll(Path root, Collection<String> globs) throws IOException {
    List<ConformanceCase> out = new ArrayList<>();
    for (Path d : caseDirs(root, globs)) {
      out.add(load(d));
    }
    return out;
  }

  static boolean isCaseDir(Path p) {
    return Files.isRegularFile(p.resolve("definition.json")) && Files.isRegularFile(p.resolve("expected.json"));
  }

  /** A glob over case ids: '*' any run, '?' one character, the rest literal. */
  static Pattern globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    StringBuilder lit = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!lit.isEmpty()) {
          sb.append(Pattern.quote(lit.toString()));
          lit.setLength(0);
        }
        sb.append(c == '*' ? ".*" : ".");
      } else {
        lit.append(c);
      }
    }
    if (!lit.isEmpty()) {
      sb.append(Pattern.quote(lit.toString()));
    }
    return Pattern.compile(sb.toString(), Pattern.DOTALL);
  }

  /** Reads one case directory. */
  public static ConformanceCase load(Path dir) throws IOException {
    String id = dir.getFileName().toString();
    String definition = Files.readString(dir.resolve("definition.json"));
    Path inputFile = dir.resolve("input.json");
    String input = Files.isRegularFile(inputFile) ? Files.readString(inputFile) : "{}";
    JsonNode e;
    try {
      e = PyJson.loads(Files.readString(dir.resolve("expected.json")));
    } catch (JsonProcessingException ex) {
      throw new IOException(dir.resolve("expected.json") + ": not valid JSON: " + ex.getOriginalMessage(), ex);
    }
    JsonNode n = e.path("names");
    ConformanceCase.Names names =
        new ConformanceCase.Names(
            text(n, "state_machine_name", "StateMachine"),
            text(n, "execution_name", null),
            text(n, "role_arn", "arn:aws:iam::111111111111:role/stepwise"),
            text(n, "account", "111111111111"),
            text(n, "region", "us-east-1"));
    Map<String, ConformanceCase.LambdaRef> lambdas = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> l : e.path("lambdas").properties()) {
      String source = l.getValue().path("source").asText("");
      String file = source.substring(source.lastIndexOf('/') + 1);
      String handler = file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
      lambdas.put(l.getKey(), new ConformanceCase.LambdaRef(l.getKey(), l.getValue().path("arn").asText(null), handler));
    }
    List<JsonNode> ops = new ArrayList<>();
    e.path("normalization").forEach(ops::add);
    JsonNode output = e.get("output");
    JsonNode cause = e.get("cause");
    return new ConformanceCase(
        id,
        dir,
        definition,
        input,
        text(e, "status", null),
        output == null || output.isNull() ? null : output,
        e.hasNonNull("output_is_json") ? e.get("output_is_json").asBoolean() : null,
        text(e, "error", null),
        cause == null || cause.isNull() ? null : cause,
        e.hasNonNull("events") ? strings(e.get("events")) : null,
        strings(e.path("needs")),
        names,
        text(e, "execution_type", "STANDARD"),
        text(e, "start_api", "StartExecution"),
        strings(e.path("recorded_via")),
        e.path("time_dependent").asBoolean(false),
        e.path("events_order_normalised").asBoolean(false),
        List.copyOf(ops),
        text(e, "category", ""),
        strings(e.path("features")),
        lambdas,
        e.path("verified_against_aws").asBoolean(false));
  }

  /** Reads a case's history.json, or null when it has none. */
  public static JsonNode history(ConformanceCase c) {
    return c.historyFile()
        .map(
            p -> {
              try {
                return PyJson.loads(Files.readString(p));
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            })
        .orElse(null);
  }

  private static String text(JsonNode o, String field, String dflt) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      arr.forEach(x -> out.add(x.asText()));
    }
    return List.copyOf(out);
  }
}
