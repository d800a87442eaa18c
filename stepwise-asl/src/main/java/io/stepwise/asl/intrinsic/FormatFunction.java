package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * States.Format. Values are written as AWS writes them: strings bare, objects and arrays the way a
 * Java Map or List prints ({@code {a=1, b=[x, y]}}), fractions as a Java double prints.
 */
final class FormatFunction {
  private FormatFunction() {}

  static JsonNode format(Args args, Scope scope) {
    FormatTemplate template = args.literalTemplate();
    if (template == null) {
      template = FormatTemplate.of(args.text(0));
    }
    int values = args.count() - 1;
    if (template.placeholders() != values) {
      throw args.fail(
          "the template has " + template.placeholders() + " placeholders but " + values + " values were given");
    }
    StringBuilder out = new StringBuilder(64);
    out.append(template.piece(0));
    for (int i = 1; i <= values; i++) {
      render(args.get(i), out);
      out.append(template.piece(i));
    }
    return Json.NODES.textNode(out.toString());
  }

  static void render(JsonNode v, StringBuilder out) {
    switch (v.getNodeType()) {
      case STRING -> out.append(v.textValue());
      case NUMBER -> {
        if (v.isInt() || v.isLong()) {
          out.append(v.longValue()); // no intermediate String on the common path
        } else {
          out.append(v.isIntegralNumber() ? v.asText() : Double.toString(v.doubleValue()));
        }
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < v.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          render(v.get(i), out);
        }
        out.append(']');
      }
      case OBJECT -> {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          out.append(e.getKey()).append('=');
          render(e.getValue(), out);
          if (it.hasNext()) {
            out.append(", ");
          }
        }
        out.append('}');
      }
      default -> out.append(v.isBoolean() ? String.valueOf(v.booleanValue()) : "null");
    }
  }
}
