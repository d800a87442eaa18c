package io.stepwise.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import java.util.regex.Pattern;

/**
 * The commonest JSONata expression, a plain field path such as {@code $states.input.order.id}
 * or {@code $total.amount}, read straight from the JSON tree without the library. It answers
 * only while every step before the last lands on an object; where JSONata's own rules would
 * differ (an array along the way, which JSONata maps over) it declines, and the library
 * evaluates the expression as usual.
 */
final class SimplePath {
  private static final Pattern FORM = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /** Returned when the fast path cannot answer. */
  static final JsonNode DECLINED = io.stepwise.asl.json.Json.NODES.missingNode();

  private final Root root;
  private final String variable;
  private final String[] fields;

  enum Root {
    INPUT,
    RESULT,
    ERROR_OUTPUT,
    CONTEXT,
    VARIABLE
  }

  private SimplePath(Root root, String variable, String[] fields) {
    this.root = root;
    this.variable = variable;
    this.fields = fields;
  }

  /** The fast path for this text, or null when it is not a plain field path. */
  static SimplePath of(String text) {
    if (!FORM.matcher(text).matches()) {
      return null;
    }
    String[] parts = text.substring(1).split("\\.");
    if (parts[0].equals("states")) {
      if (parts.length < 2) {
        return null;
      }
      Root root = switch (parts[1]) {
        case "input" -> Root.INPUT;
        case "result" -> Root.RESULT;
        case "errorOutput" -> Root.ERROR_OUTPUT;
        case "context" -> Root.CONTEXT;
        default -> null;
      };
      if (root == null) {
        return null;
      }
      return new SimplePath(root, null, intern(java.util.Arrays.copyOfRange(parts, 2, parts.length)));
    }
    return new SimplePath(Root.VARIABLE, parts[0], intern(java.util.Arrays.copyOfRange(parts, 1, parts.length)));
  }

  private static String[] intern(String[] names) {
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].intern();
    }
    return names;
  }

  /** The value, Java null for nothing (undefined), or {@link #DECLINED}. */
  JsonNode read(Scope scope) {
    JsonNode node = switch (root) {
      case INPUT -> scope.input();
      case RESULT -> scope.result();
      case ERROR_OUTPUT -> scope.errorOutput();
      case CONTEXT -> scope.context();
      case VARIABLE -> scope.variable(variable);
    };
    if (node == null) {
      return root == Root.VARIABLE ? DECLINED : null; // an unset variable may be a function's name
    }
    for (String f : fields) {
      if (!node.isObject()) {
        return DECLINED;
      }
      node = node.get(f);
      if (node == null) {
        return null;
      }
    }
    return node; // an array at the end is returned as it stands; only arrays along the way are mapped over
  }
}
