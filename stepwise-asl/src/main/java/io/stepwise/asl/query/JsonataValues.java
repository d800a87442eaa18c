package io.stepwise.asl.query;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the Java values the JSONata library works on, exactly. */
final class JsonataValues {
  private JsonataValues() {}

  static Object toJava(JsonNode n) {
    if (n == null) {
      return null;
    }
    switch (n.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>(n.size() * 4 / 3 + 2);
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          m.put(e.getKey(), toJava(e.getValue()));
        }
        return m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>(n.size());
        for (JsonNode c : n) {
          l.add(toJava(c));
        }
        return l;
      }
      case STRING -> {
        return n.textValue();
      }
      case NUMBER -> {
        if (n.isInt()) {
          return n.intValue();
        }
        if (n.isLong()) {
          return n.longValue();
        }
        if (n.isBigInteger() || (n.isBigDecimal() && isIntegral(n.decimalValue()) && n.canConvertToLong())) {
          return n.canConvertToLong() ? (Object) n.longValue() : n.doubleValue();
        }
        return n.doubleValue();
      }
      case BOOLEAN -> {
        return n.booleanValue();
      }
      default -> {
        return Jsonata.NULL_VALUE;
      }
    }
  }

  private static boolean isIntegral(BigDecimal d) {
    return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** A JSONata result as JSON; functions have no JSON form and give null (the caller reports it). */
  static JsonNode toJson(Object v) {
    if (v == null || v == Jsonata.NULL_VALUE) {
      return Json.NODES.nullNode();
    }
    if (v instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return Json.NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return l == l.intValue() ? Json.NODES.numberNode(l.intValue()) : Json.NODES.numberNode(l);
    }
    if (v instanceof BigInteger b) {
      return Json.NODES.numberNode(b);
    }
    if (v instanceof BigDecimal b) {
      return Json.NODES.numberNode(b);
    }
    if (v instanceof Number num) {
      double d = num.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.007199254740992E15) {
        long l = (long) d; // JSONata computes in doubles; AWS prints 3, not 3.0
        return l == (int) l ? Json.NODES.numberNode((int) l) : Json.NODES.numberNode(l);
      }
      return Json.NODES.numberNode(BigDecimal.valueOf(d));
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = Json.NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() != null) { // undefined values leave their key out
          JsonNode c = toJson(e.getValue());
          if (c != null) {
            o.set(String.valueOf(e.getKey()), c);
          }
        }
      }
      return o;
    }
    if (v instanceof List<?> l) {
      ArrayNode a = Json.NODES.arrayNode(l.size());
      for (Object c : l) {
        JsonNode j = toJson(c);
        if (j != null) {
          a.add(j);
        }
      }
      return a;
    }
    return null; // a function or other non-JSON value
  }
}
