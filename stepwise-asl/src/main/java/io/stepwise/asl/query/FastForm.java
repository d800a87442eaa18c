package io.stepwise.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms common enough in definitions to answer without the JSONata library, compiled when the
 * definition loads: a plain field path, {@code $exists(path)}, {@code path OP literal}
 * comparing a number with a number or a string with a string, and {@code &} joins of string
 * literals, paths and {@code $string(path)} over strings, whole numbers and booleans. Each answers only where JSONata's
 * own rules give the same answer by the same simple means; otherwise it declines and the
 * library evaluates the expression.
 */
abstract sealed class FastForm {
  private static final Pattern EXISTS = Pattern.compile("\\$exists\\(\\s*(\\$[A-Za-z0-9_.]+)\\s*\\)");
  private static final Pattern COMPARE =
      Pattern.compile("(\\$[A-Za-z0-9_.]+)\\s*(<=|>=|!=|<|>|=)\\s*(-?\\d+(?:\\.\\d+)?|'[^'\\\\]*'|\"[^\"\\\\]*\")");

  private static final String PART = "'[^'\\\\]*'|\"[^\"\\\\]*\"|\\$string\\(\\s*\\$[A-Za-z0-9_.]+\\s*\\)|\\$[A-Za-z0-9_.]+";
  private static final Pattern JOIN = Pattern.compile("(?:" + PART + ")(?:\\s*&\\s*(?:" + PART + "))+");
  private static final Pattern JOIN_PART = Pattern.compile(PART);

  /** The fast form of this expression text, or null when it has none. */
  static FastForm of(String text) {
    SimplePath path = SimplePath.of(text);
    if (path != null) {
      return new Path(path);
    }
    Matcher m = EXISTS.matcher(text);
    if (m.matches() && SimplePath.of(m.group(1)) != null) {
      return new Exists(SimplePath.of(m.group(1)));
    }
    m = COMPARE.matcher(text);
    if (m.matches() && SimplePath.of(m.group(1)) != null) {
      String lit = m.group(3);
      JsonNode literal =
          lit.startsWith("'") || lit.startsWith("\"")
              ? Json.NODES.textNode(lit.substring(1, lit.length() - 1))
              : Json.NODES.numberNode(new BigDecimal(lit));
      return new Compare(SimplePath.of(m.group(1)), m.group(2), literal);
    }
    if (JOIN.matcher(text).matches()) {
      return Join.of(text);
    }
    return null;
  }

  /** The value, Java null for nothing, or {@link SimplePath#DECLINED}. */
  abstract JsonNode read(Scope scope);

  static final class Path extends FastForm {
    private final SimplePath path;

    Path(SimplePath path) {
      this.path = path;
    }

    @Override
    JsonNode read(Scope scope) {
      return path.read(scope);
    }
  }

  static final class Exists extends FastForm {
    private final SimplePath path;

    Exists(SimplePath path) {
      this.path = path;
    }

    @Override
    JsonNode read(Scope scope) {
      JsonNode v = path.read(scope);
      if (v == SimplePath.DECLINED) {
        return v;
      }
      return Json.NODES.booleanNode(v != null);
    }
  }

  static final class Compare extends FastForm {
    private final SimplePath path;
    private final String op;
    private final JsonNode literal;

    Compare(SimplePath path, String op, JsonNode literal) {
      this.path = path;
      this.op = op;
      this.literal = literal;
    }

    @Override
    JsonNode read(Scope scope) {
      JsonNode v = path.read(scope);
      if (v == null || v == SimplePath.DECLINED) {
        return SimplePath.DECLINED; // JSONata's rules for undefined operands: let it decide
      }
      int c;
      if (v.isNumber() && literal.isNumber()) {
        c = v.decimalValue().compareTo(literal.decimalValue());
      } else if (v.isTextual() && literal.isTextual()) {
        c = v.textValue().compareTo(literal.textValue());
      } else {
        return SimplePath.DECLINED;
      }
      boolean r = switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        case "=" -> c == 0;
        default -> c != 0;
      };
      return Json.NODES.booleanNode(r);
    }
  }

  static final class Join extends FastForm {
    private final Object[] parts; // String literals or SimplePaths

    private Join(Object[] parts) {
      this.parts = parts;
    }

    static Join of(String text) {
      java.util.List<Object> parts = new java.util.ArrayList<>();
      Matcher m = JOIN_PART.matcher(text);
      while (m.find()) {
        String p = m.group();
        if (p.startsWith("'") || p.startsWith("\"")) {
          parts.add(p.substring(1, p.length() - 1));
        } else {
          String path = p.startsWith("$string(") ? p.substring(8, p.length() - 1).trim() : p;
          SimplePath sp = SimplePath.of(path);
          if (sp == null) {
            return null;
          }
          parts.add(sp);
        }
      }
      return new Join(parts.toArray());
    }

    @Override
    JsonNode read(Scope scope) {
      StringBuilder out = new StringBuilder(32);
      for (Object part : parts) {
        if (part instanceof String s) {
          out.append(s);
          continue;
        }
        JsonNode v = ((SimplePath) part).read(scope);
        if (v == SimplePath.DECLINED) {
          return v;
        }
        if (v == null) {
          continue; // nothing joins as the empty string
        }
        if (v.isTextual()) {
          out.append(v.textValue());
        } else if (v.isIntegralNumber() && v.canConvertToLong() && Math.abs(v.longValue()) < 1L << 53) {
          out.append(v.longValue());
        } else if (v.isBoolean()) {
          out.append(v.booleanValue());
        } else {
          return SimplePath.DECLINED; // fractions, objects and arrays print by JSONata's own rules
        }
      }
      return Json.NODES.textNode(out.toString());
    }
  }
}
