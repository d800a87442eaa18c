package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.PathNotFoundException;
import io.stepwise.asl.json.Json;

/** Jayway JsonPath, the library AWS's paths follow, as the oracle of {@link JaywayComparisonTest}. */
final class Jayway {
  /**
   * Jayway's defaults: the json-smart provider (its Jackson provider reads an index past the end
   * as null instead of skipping it, which no other provider does) and no options (suppressing
   * exceptions would change how filters treat a missing value).
   */
  private static final Configuration DEFAULTS = Configuration.defaultConfiguration();

  private Jayway() {}

  /** Jayway's complaint about the path, or null when it compiles. */
  static String compileError(String path) {
    try {
      com.jayway.jsonpath.JsonPath.compile(path);
      return null;
    } catch (InvalidPathException e) {
      return String.valueOf(e.getMessage());
    }
  }

  static boolean isDefinite(String path) {
    return com.jayway.jsonpath.JsonPath.compile(path).isDefinite();
  }

  /**
   * What Jayway reads, or Java null when it finds nothing. Where Jayway reports a missing value as
   * an error, AWS gives nothing to a definite path and [] to an indefinite one ($.items[*] on {}
   * in the corpus cases test_json_path_array_wildcard_or_slice_with_no_input).
   */
  static JsonNode read(String path, JsonNode document) {
    Object v;
    try {
      v = com.jayway.jsonpath.JsonPath.using(DEFAULTS).parse(Json.write(document)).read(path);
    } catch (PathNotFoundException e) {
      return isDefinite(path) ? null : Json.NODES.arrayNode();
    }
    // a null Jayway returns without complaint is a value (JSON null), not a miss
    return v == null ? Json.NODES.nullNode() : Json.MAPPER.valueToTree(v);
  }
}
