package io.stepwise.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONata-mode field: a value whose strings of the form {@code {% expr %}} are expressions,
 * at the top or anywhere inside objects and arrays; everything else is literal and shared.
 */
public abstract sealed class JsonataTemplate {
  private JsonataTemplate() {}

  public static boolean isExpression(JsonNode v) {
    if (v == null || !v.isTextual()) {
      return false;
    }
    String s = v.textValue();
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  /** @param field the field's name, e.g. "Output"; nested values are named "Output/key" */
  public static JsonataTemplate compile(JsonNode value, String field) throws ExpressionSyntaxException {
    if (isExpression(value)) {
      String s = value.textValue();
      return new Expr(JsonataExpr.compile(s.substring(2, s.length() - 2).trim()), field);
    }
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      List<JsonataTemplate> parts = new ArrayList<>();
      boolean dynamic = false;
      Iterator<Map.Entry<String, JsonNode>> it = value.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonataTemplate t = compile(e.getValue(), field + "/" + e.getKey());
        dynamic |= !(t instanceof Literal);
        names.add(e.getKey());
        parts.add(t);
      }
      return dynamic ? new Obj(names.toArray(String[]::new), parts.toArray(JsonataTemplate[]::new)) : new Literal(value);
    }
    if (value.isArray()) {
      List<JsonataTemplate> parts = new ArrayList<>();
      boolean dynamic = false;
      for (int i = 0; i < value.size(); i++) {
        JsonataTemplate t = compile(value.get(i), field + "/" + i);
        dynamic |= !(t instanceof Literal);
        parts.add(t);
      }
      return dynamic ? new Arr(parts.toArray(JsonataTemplate[]::new)) : new Literal(value);
    }
    return new Literal(value);
  }

  /** The value; an expression that returns nothing is an error naming where it stands. */
  public abstract JsonNode evaluate(Scope scope);

  static final class Literal extends JsonataTemplate {
    private final JsonNode value;

    Literal(JsonNode value) {
      this.value = value;
    }

    @Override
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  static final class Expr extends JsonataTemplate {
    private final JsonataExpr expr;
    private final String field;

    Expr(JsonataExpr expr, String field) {
      this.expr = expr;
      this.field = field;
    }

    @Override
    public JsonNode evaluate(Scope scope) {
      return expr.evaluateRequired(scope, field);
    }

    public JsonataExpr expression() {
      return expr;
    }
  }

  static final class Obj extends JsonataTemplate {
    private final String[] names;
    private final JsonataTemplate[] parts;

    Obj(String[] names, JsonataTemplate[] parts) {
      this.names = names;
      this.parts = parts;
    }

    @Override
    public JsonNode evaluate(Scope scope) {
      ObjectNode o = Json.NODES.objectNode();
      for (int i = 0; i < names.length; i++) {
        o.set(names[i], parts[i].evaluate(scope));
      }
      return o;
    }
  }

  static final class Arr extends JsonataTemplate {
    private final JsonataTemplate[] parts;

    Arr(JsonataTemplate[] parts) {
      this.parts = parts;
    }

    @Override
    public JsonNode evaluate(Scope scope) {
      ArrayNode a = Json.NODES.arrayNode(parts.length);
      for (JsonataTemplate p : parts) {
        a.add(p.evaluate(scope));
      }
      return a;
    }
  }
}
