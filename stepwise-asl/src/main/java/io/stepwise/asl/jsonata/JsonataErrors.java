package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The causes AWS gives when a JSONata expression fails, all under {@code
 * States.QueryEvaluationError}:
 *
 * <pre>
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' returned nothing (undefined).
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' returned an unsupported result type.
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' returned an unexpected result type. Expected 'array', but was 'object' for value: {...}
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' threw an error during evaluation. T2001: &lt;JSONata's message&gt;
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' threw an error during evaluation: &lt;a bound's message&gt;
 * The JSONata expression '&lt;expr&gt;' specified for the field '&lt;field&gt;' threw an internal error during evaluation.
 * </pre>
 *
 * AWS evaluates with jsonata-js, so a coded error reads as jsonata-js writes it: values in its
 * message are JSON text (a string in quotes, a number bare). The Java library's own messages
 * differ (they say "Object" for "function" and quote every value), so the message is rebuilt here
 * from the exception's code and values.
 */
final class JsonataErrors {
  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{4}");
  private static final String MARK_1 = "\u0001";
  private static final String MARK_2 = "\u0002";
  private static final Pattern FUNCTION_CALL = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
  private static final Pattern COMPARISON = Pattern.compile("<=|>=|<|>");

  /** jsonata-js's word for the items an array signature wants. */
  private static final Map<String, String> ARRAY_ITEM_TYPES =
      Map.of("a", "arrays", "b", "booleans", "f", "functions", "n", "numbers", "o", "objects", "s", "strings");

  /** Messages the library throws without their code. */
  private static final Map<String, String> UNCODED =
      Map.of(
          "Second argument of replace function cannot be an empty string", "D3010",
          "Fourth argument of replace function must evaluate to a positive number", "D3011",
          "Malformed URL", "D3140");

  private JsonataErrors() {}

  static String subject(String expression, String field) {
    return RuntimeCauses.subject(expression, field);
  }

  static StatesException error(String cause, String field) {
    return new StatesException(StatesErrors.QUERY_EVALUATION_ERROR, cause, field);
  }

  static StatesException returnedNothing(String expression, String field) {
    return RuntimeCauses.returnedNothing(expression, field);
  }

  static StatesException unsupportedResult(String expression, String field) {
    return error(subject(expression, field) + " returned an unsupported result type.", field);
  }

  static StatesException unexpectedType(String expression, String field, String expected, JsonNode value) {
    return RuntimeCauses.unexpectedType(expression, field, expected, value);
  }

  /** The JSON type of a value as AWS names it: object, array, string, number, boolean or null. */
  static String typeName(JsonNode value) {
    return RuntimeCauses.typeName(value);
  }

  /** The failure of an evaluation, as AWS words it. */
  static StatesException evaluationFailed(String expression, String field, Throwable failure) {
    String subject = subject(expression, field);
    if (failure instanceof JsonataValues.UnsupportedResultException) {
      return unsupportedResult(expression, field);
    }
    if (failure instanceof JsonataBoundException bound) {
      return error(subject + " threw an error during evaluation: " + bound.getMessage(), field);
    }
    if (failure instanceof StackOverflowError) {
      return error(subject + " threw an error during evaluation: " + JsonataBoundException.STACK_OVERFLOW, field);
    }
    if (failure instanceof OutOfMemoryError) {
      return error(subject + " threw an error during evaluation: " + JsonataBoundException.MEMORY, field);
    }
    if (failure instanceof JException j) {
      String code = j.getError();
      if (code != null && CODE.matcher(code).matches()) {
        return error(subject + " threw an error during evaluation. " + code + ": " + message(j, expression), field);
      }
      String text = code != null ? code : j.getMessage();
      for (Map.Entry<String, String> e : UNCODED.entrySet()) {
        if (text != null && text.startsWith(e.getKey())) {
          return error(subject + " threw an error during evaluation. " + e.getValue() + ": " + text, field);
        }
      }
      return error(subject + " threw an error during evaluation: " + text, field);
    }
    return error(subject + " threw an internal error during evaluation.", field);
  }

  /** The message jsonata-js would give for a coded error. */
  static String message(JException j, String expression) {
    String code = j.getError();
    Object current = j.getCurrent();
    Object expected = j.getExpected();
    switch (code) {
      case "T0412" -> {
        return "Argument 1 of function "
            + JsonataValues.stringify(functionAt(expression, j.getLocation()))
            + " must be an array of "
            + JsonataValues.stringify(ARRAY_ITEM_TYPES.getOrDefault(String.valueOf(expected), String.valueOf(expected)));
      }
      case "T2009" -> {
        Matcher m = COMPARISON.matcher(expression);
        String operator = m.find() ? m.group() : "<";
        return "The values "
            + JsonataValues.stringify(current)
            + " and "
            + JsonataValues.stringify(expected)
            + " either side of operator "
            + JsonataValues.stringify(operator)
            + " must be of the same data type";
      }
      case "D1002" -> {
        return "Cannot negate a non-numeric value: " + JsonataValues.stringify(expected);
      }
      case "D3100" -> {
        return "The radix of the formatBase function must be between 2 and 36.  It was given " + j.getLocation();
      }
      case "D3137", "D3141" -> {
        return current != null ? String.valueOf(current) : j.getMessage();
      }
      default -> {
        return fromTemplate(code, current, expected, j);
      }
    }
  }

  /** The library's template for a code with "function" restored, filled in as jsonata-js would. */
  private static String fromTemplate(String code, Object current, Object expected, JException j) {
    String template;
    try {
      template = JException.msg(code, 0, MARK_1, MARK_2, false);
    } catch (RuntimeException e) {
      return j.getMessage();
    }
    if (template == null) {
      return j.getMessage();
    }
    template = template.replace("Object", "function");
    String first = JsonataValues.stringify(current);
    String second = JsonataValues.stringify(expected);
    return template
        .replace("{\"" + MARK_1 + "\"}", String.valueOf(current))
        .replace("\"" + MARK_1 + "\"", first)
        .replace("\"" + MARK_2 + "\"", second)
        .replace(MARK_1, String.valueOf(current))
        .replace(MARK_2, String.valueOf(expected));
  }

  /** The name of the function called nearest before a position in the expression. */
  private static String functionAt(String expression, int position) {
    int end = position < 0 ? expression.length() : Math.min(position, expression.length());
    Matcher m = FUNCTION_CALL.matcher(expression);
    String name = null;
    while (m.find() && m.start() < end) {
      name = m.group(1);
    }
    return name;
  }
}
