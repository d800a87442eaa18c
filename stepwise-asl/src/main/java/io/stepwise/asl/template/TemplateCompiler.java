package io.stepwise.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.ValueExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles a payload template's JSON, recursively through objects and arrays. */
final class TemplateCompiler {
  private static final String DYNAMIC_SUFFIX = ".$";

  private TemplateCompiler() {}

  static TemplateNode compile(JsonNode node) {
    if (node.isObject()) {
      return object(node);
    }
    if (node.isArray()) {
      return array(node);
    }
    return new TemplateNode.Constant(node);
  }

  private static TemplateNode array(JsonNode node) {
    TemplateNode[] items = new TemplateNode[node.size()];
    boolean constant = true;
    for (int i = 0; i < items.length; i++) {
      items[i] = compile(node.get(i));
      constant &= items[i] instanceof TemplateNode.Constant;
    }
    return constant ? new TemplateNode.Constant(node) : new TemplateNode.ArrayTemplate(items);
  }

  /**
   * AWS writes a template object's literal fields first, in the order written, then its {@code .$}
   * fields in the iteration order of a Java HashMap of their names (the corpus agrees in every one
   * of 60 recorded payloads). The order depends on the names alone, so it is fixed here.
   */
  private static TemplateNode object(JsonNode node) {
    List<String> names = new ArrayList<>();
    List<TemplateNode> values = new ArrayList<>();
    List<TemplateNode.Dynamic> dynamic = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean constant = true;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (key.endsWith(DYNAMIC_SUFFIX)) {
        String name = key.substring(0, key.length() - DYNAMIC_SUFFIX.length());
        claim(seen, name, key);
        dynamic.add(new TemplateNode.Dynamic(key, expression(key, e.getValue())));
        constant = false;
      } else {
        claim(seen, key, key);
        TemplateNode value = compile(e.getValue());
        names.add(key);
        values.add(value);
        constant &= value instanceof TemplateNode.Constant;
      }
    }
    if (constant) {
      return new TemplateNode.Constant(node);
    }
    Map<String, TemplateNode.Dynamic> byName = new HashMap<>();
    for (TemplateNode.Dynamic d : dynamic) {
      byName.put(d.field().substring(0, d.field().length() - DYNAMIC_SUFFIX.length()), d);
    }
    byName.forEach(
        (name, d) -> {
          names.add(name);
          values.add(d);
        });
    String[] interned = names.stream().map(String::intern).toArray(String[]::new); // as Jackson's own keys
    return new TemplateNode.ObjectTemplate(interned, values.toArray(new TemplateNode[0]));
  }

  private static void claim(Set<String> seen, String name, String key) {
    if (!seen.add(name)) {
      throw new ExpressionSyntaxException(
          "The field '" + key + "' gives the field '" + name + "' a second time");
    }
  }

  private static ValueExpression expression(String key, JsonNode value) {
    if (!value.isTextual()) {
      throw new ExpressionSyntaxException(
          "The value for the field '" + key + "' must be a string holding a JSONPath or an intrinsic function call");
    }
    try {
      return ValueExpression.compile(value.textValue());
    } catch (ExpressionSyntaxException e) {
      throw new ExpressionSyntaxException(
          "The value for the field '"
              + key
              + "' must be a valid JSONPath or a valid intrinsic function call: "
              + e.getMessage());
    }
  }
}
