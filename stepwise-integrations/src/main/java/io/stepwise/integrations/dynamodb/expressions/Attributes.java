package io.stepwise.integrations.dynamodb.expressions;

import java.util.LinkedHashSet;
import java.util.Set;

/** The top-level attributes a condition reads (a Query's filter may not read the key). */
public final class Attributes {
  private Attributes() {}

  public static Set<String> of(Condition c) {
    Set<String> out = new LinkedHashSet<>();
    collect(c, out);
    return out;
  }

  private static void collect(Condition c, Set<String> out) {
    switch (c) {
      case Condition.And a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Condition.Or o -> {
        collect(o.left(), out);
        collect(o.right(), out);
      }
      case Condition.Not n -> collect(n.condition(), out);
      case Condition.Exists e -> out.add(e.path().top());
      case Condition.AttributeType t -> out.add(t.path().top());
      case Condition.BeginsWith b -> {
        collect(b.value(), out);
        collect(b.prefix(), out);
      }
      case Condition.Contains k -> {
        collect(k.value(), out);
        collect(k.member(), out);
      }
      case Condition.Compare cmp -> {
        collect(cmp.left(), out);
        collect(cmp.right(), out);
      }
      case Condition.Between b -> {
        collect(b.value(), out);
        collect(b.low(), out);
        collect(b.high(), out);
      }
      case Condition.In in -> {
        collect(in.value(), out);
        in.candidates().forEach(o -> collect(o, out));
      }
    }
  }

  private static void collect(Operand o, Set<String> out) {
    if (o instanceof Operand.PathOperand p) {
      out.add(p.path().top());
    } else if (o instanceof Operand.Size s) {
      out.add(s.path().top());
    }
  }
}
