package io.stepwise.asl.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;

/**
 * The error and cause for every value a state reads at run time that its field cannot take: a
 * Wait's seconds or timestamp, a Task's TimeoutSeconds and HeartbeatSeconds, a Map's
 * MaxConcurrency, tolerances, batch limits and items, a path that finds nothing. One pattern per
 * field and kind of wrong value, for both query languages, so that an unrecorded sibling of a text
 * AWS was seen to give reads the same way (docs/conformance.md, "Runtime errors", says which texts
 * are recorded and which are inferred).
 *
 * <p>A JSONPath field ({@code SecondsPath}, {@code MaxConcurrencyPath}) fails with States.Runtime
 * naming its path; a JSONata field ({@code Seconds}, {@code MaxConcurrency}) fails with
 * States.QueryEvaluationError naming its expression, and the field is the failure's location (the
 * EvaluationFailed event's). Range checks read the same in both, naming the field without "Path"
 * as AWS's "ToleratedFailurePercentage must be between 0 and 100." does.
 */
public final class RuntimeCauses {
  private RuntimeCauses() {}

  /**
   * Where a field's value came from: a path ({@code field} is the name as written, e.g.
   * "TimeoutSecondsPath") or a JSONata expression ({@code field} e.g. "TimeoutSeconds", {@code
   * where} the expression's text between the delimiters).
   */
  public record Source(String field, String where, boolean jsonata) {
    public static Source path(String field, String path) {
      return new Source(field, path, false);
    }

    public static Source expression(String field, String text) {
      return new Source(field, text, true);
    }

    /** The field's name without the "Path" of its path form. */
    public String base() {
      return !jsonata && field.endsWith("Path") ? field.substring(0, field.length() - 4) : field;
    }

    String error() {
      return jsonata ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME;
    }

    StatesException fail(String cause) {
      return new StatesException(error(), cause, jsonata ? field : null);
    }

    private boolean waitField() {
      return base().equals("Seconds") || base().equals("Timestamp");
    }
  }

  // ---- what a field's path or expression found, by kind of wrong value ----

  /** The path found nothing, or the expression returned nothing. {@code input}: what the path read. */
  public static StatesException missing(Source s, JsonNode input) {
    if (s.jsonata()) {
      return returnedNothing(s.where(), s.field());
    }
    if (s.waitField()) {
      return s.fail("The " + s.field() + " parameter does not reference an input value: " + s.where());
    }
    return pathNotFound(s.where(), s.field(), input);
  }

  /** Not an integer (another type, or a number with a fraction) where a field takes one. */
  public static StatesException notInteger(Source s, JsonNode v) {
    if (s.jsonata()) {
      return unexpectedType(s.where(), s.field(), "integer", v);
    }
    if (s.waitField()) {
      return s.fail("The " + s.field() + " parameter cannot be parsed as a long value: " + s.where() + " == " + shown(v));
    }
    return s.fail("The " + s.field() + " field refers to value \"" + shown(v) + "\" which is not a valid integer: " + s.where());
  }

  /** Not a number where a field takes any number (ToleratedFailurePercentage). */
  public static StatesException notNumber(Source s, JsonNode v) {
    if (s.jsonata()) {
      return unexpectedType(s.where(), s.field(), "number", v);
    }
    return s.fail("The " + s.field() + " field refers to value \"" + shown(v) + "\" which is not a valid float: " + s.where());
  }

  /** Not an ISO-8601 timestamp (Wait's Timestamp and TimestampPath). */
  public static StatesException notTimestamp(Source s, JsonNode v) {
    if (s.jsonata() && (v == null || !v.isTextual())) {
      return unexpectedType(s.where(), s.field(), "string", v);
    }
    return s.fail(
        "The "
            + s.field()
            + " parameter does not reference a valid ISO-8601 extended offset date-time format string: "
            + s.where()
            + " == "
            + shown(v));
  }

  /** Not a string where a field takes one (a Fail's ErrorPath and CausePath; Error and Cause in JSONata). */
  public static StatesException notString(Source s, JsonNode v) {
    if (s.jsonata()) {
      return v == null ? returnedNothing(s.where(), s.field()) : unexpectedType(s.where(), s.field(), "string", v);
    }
    return s.fail("The " + s.field() + " field must resolve to a string, but got: " + (v == null ? "null" : Json.write(v)));
  }

  /** A Wait's seconds below 0. */
  public static StatesException negativeSeconds(Source s, JsonNode v) {
    return s.fail("The " + s.field() + " parameter references a negative value: " + s.where() + " == " + shown(v));
  }

  /** A Wait longer than AWS counts (99,999,999 seconds, or a timestamp past a 32-bit count of seconds). */
  public static StatesException waitTooLong(Source s) {
    return s.fail("Wait state delay is too long.");
  }

  /** An integer below the least its field takes (0 for counts, 1 for limits and timeouts). */
  public static StatesException belowMinimum(Source s, long min) {
    return s.fail(s.base() + " must be greater than or equal to " + min + ".");
  }

  /** A ToleratedFailurePercentage outside 0 to 100. */
  public static StatesException percentageOutOfRange(Source s) {
    return s.fail("ToleratedFailurePercentage must be between 0 and 100.");
  }

  // ---- the texts the patterns above share, and the other run-time failures of fields ----

  /** Map items (ItemsPath's, or the input's) that are not an array. */
  public static StatesException itemsNotArray(boolean jsonata, JsonNode items) {
    return new StatesException(
        jsonata ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME,
        "Map state input must be an array but was: " + (items == null ? "null" : Json.write(items)));
  }

  /** An intrinsic function called with an argument it cannot take; {@code detail} says which and why. */
  public static StatesException intrinsicArguments(String function, String detail) {
    return new StatesException(StatesErrors.INTRINSIC_FAILURE, "Invalid arguments in " + function + ": " + detail);
  }

  /** A Choice rule's Variable (or ...Path operand) that finds nothing. */
  public static StatesException choicePathMissing(String path) {
    return new StatesException(StatesErrors.RUNTIME, "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
  }

  /** A definite path in a value field (a {@code .$} key, ErrorPath, MaxConcurrencyPath) that found nothing. */
  public static StatesException pathNotFound(String path, String field, JsonNode input) {
    return new StatesException(
        StatesErrors.RUNTIME,
        "The JSONPath '" + path + "' specified for the field '" + field + "' could not be found in the input '" + Json.write(input) + "'");
  }

  /** A JSONata expression that returned nothing where a value is needed. */
  public static StatesException returnedNothing(String expression, String field) {
    return new StatesException(StatesErrors.QUERY_EVALUATION_ERROR, subject(expression, field) + " returned nothing (undefined).", field);
  }

  /** A JSONata expression whose value is of another JSON type than its field takes. */
  public static StatesException unexpectedType(String expression, String field, String expected, JsonNode value) {
    return new StatesException(
        StatesErrors.QUERY_EVALUATION_ERROR,
        subject(expression, field)
            + " returned an unexpected result type. Expected '"
            + expected
            + "', but was '"
            + typeName(value)
            + "' for value: "
            + (value == null ? "null" : Json.write(value)),
        field);
  }

  /** ResultPath (or a Catch's) that cannot be applied: a step into a non-object or past an array. */
  public static StatesException resultPathMismatch(String step, JsonNode node) {
    return new StatesException(
        StatesErrors.RESULT_PATH_MATCH_FAILURE, "Unable to apply step \"" + step + "\" to input " + (node == null ? "null" : Json.write(node)));
  }

  /** "The JSONata expression '...' specified for the field '...'", the subject of every JSONata cause. */
  public static String subject(String expression, String field) {
    return "The JSONata expression '" + expression + "'" + (field == null ? "" : " specified for the field '" + field + "'");
  }

  /** The JSON type of a value as AWS names it: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    if (value == null) {
      return "null";
    }
    return switch (value.getNodeType()) {
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL, MISSING -> "null";
    };
  }

  /** A value as AWS quotes it in these causes: a string as its text, anything else as JSON. */
  static String shown(JsonNode v) {
    return v == null ? "null" : v.isTextual() ? v.textValue() : Json.write(v);
  }
}
