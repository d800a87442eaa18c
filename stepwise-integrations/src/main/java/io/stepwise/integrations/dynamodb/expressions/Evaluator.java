package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.Values;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates a condition against an item (null: no item) as DynamoDB does: a comparison with a
 * missing attribute, or between values of different types, is false ({@code <>} true).
 */
public final class Evaluator {
  private Evaluator() {}

  public static boolean test(Condition c, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> it = item == null ? Map.of() : item;
    return switch (c) {
      case Condition.And and -> test(and.left(), it) && test(and.right(), it);
      case Condition.Or or -> test(or.left(), it) || test(or.right(), it);
      case Condition.Not not -> !test(not.condition(), it);
      case Condition.Exists e -> (Documents.get(it, e.path()) != null) == e.exists();
      case Condition.AttributeType t -> {
        AttributeValue v = Documents.get(it, t.path());
        AttributeValue type = resolve(t.type(), it);
        yield v != null && type instanceof AttributeValue.S s && v.type().equals(s.value());
      }
      case Condition.BeginsWith b -> beginsWith(resolve(b.value(), it), resolve(b.prefix(), it));
      case Condition.Contains k -> contains(resolve(k.value(), it), resolve(k.member(), it));
      case Condition.Compare cmp -> compare(resolve(cmp.left(), it), cmp.operator(), resolve(cmp.right(), it));
      case Condition.Between b -> {
        AttributeValue v = resolve(b.value(), it);
        AttributeValue low = resolve(b.low(), it);
        AttributeValue high = resolve(b.high(), it);
        Integer l = v == null || low == null ? null : Values.compare(v, low);
        Integer h = v == null || high == null ? null : Values.compare(v, high);
        yield l != null && h != null && l >= 0 && h <= 0;
      }
      case Condition.In in -> {
        AttributeValue v = resolve(in.value(), it);
        yield v != null && in.candidates().stream().anyMatch(o -> v.equals(resolve(o, it)));
      }
    };
  }

  static AttributeValue resolve(Operand o, Map<String, AttributeValue> item) {
    return switch (o) {
      case Operand.PathOperand p -> Documents.get(item, p.path());
      case Operand.Value v -> v.value();
      case Operand.Size s -> {
        AttributeValue v = Documents.get(item, s.path());
        Integer size = v == null ? null : Values.size(v);
        yield size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
      }
      default -> throw new IllegalArgumentException("not a condition operand: " + o);
    };
  }

  private static boolean compare(AttributeValue a, String op, AttributeValue b) {
    if (op.equals("=")) {
      return a != null && a.equals(b);
    }
    if (op.equals("<>")) {
      return a == null || !a.equals(b);
    }
    Integer order = a == null || b == null ? null : Values.compare(a, b);
    if (order == null) {
      return false;
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
    if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      return b.value().length >= p.value().length && Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
    }
    return false;
  }

  private static boolean contains(AttributeValue v, AttributeValue member) {
    if (v == null || member == null) {
      return false;
    }
    return switch (v) {
      case AttributeValue.S s -> member instanceof AttributeValue.S m && s.value().contains(m.value());
      case AttributeValue.B b -> member instanceof AttributeValue.B m && indexOf(b.value(), m.value()) >= 0;
      case AttributeValue.SS s -> member instanceof AttributeValue.S m && s.value().contains(m.value());
      case AttributeValue.NS s -> member instanceof AttributeValue.N m && s.value().stream().anyMatch(d -> d.compareTo(m.value()) == 0);
      case AttributeValue.BS s -> member instanceof AttributeValue.B m && s.value().stream().anyMatch(x -> Arrays.equals(x, m.value()));
      case AttributeValue.L l -> l.value().contains(member);
      default -> false;
    };
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
