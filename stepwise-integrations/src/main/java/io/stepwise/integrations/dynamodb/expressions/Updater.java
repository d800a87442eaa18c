package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.Numbers;
import io.stepwise.integrations.dynamodb.model.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an UpdateExpression to an item as DynamoDB does: every operand is read from the item as
 * it was before the update, then the actions are carried out; list elements are removed from the
 * highest index down, so that each REMOVE names the element it named before.
 */
public final class Updater {
  private Updater() {}

  /** Refuses an update of a key attribute, before the item is read. */
  public static void checkKeys(Update update, TableDef table) {
    for (Update.Action a : update.actions()) {
      if (table.isKey(a.path().top())) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute " + a.path().top()
            + ". This attribute is part of the key");
      }
    }
  }

  /**
   * @param old the item as stored, or null
   * @param key the key the update names (the new item's start when there is none)
   */
  public static Map<String, AttributeValue> apply(Update update, Map<String, AttributeValue> old, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> before = old == null ? key : old;
    Map<String, AttributeValue> item = new LinkedHashMap<>(before);
    List<Update.Action> ordered = new ArrayList<>();
    List<Update.Action> removals = new ArrayList<>();
    for (Update.Action a : update.actions()) {
      (a instanceof Update.Remove ? removals : ordered).add(a);
    }
    // removals last, list elements from the highest index down
    removals.sort((a, b) -> compareDescending(a.path(), b.path()));
    ordered.addAll(removals);
    List<AttributeValue> computed = new ArrayList<>();
    for (Update.Action a : ordered) {
      computed.add(switch (a) {
        case Update.Set s -> value(s.value(), before);
        case Update.Add add -> add(Documents.get(before, add.path()), Evaluator.resolve(add.value(), before));
        case Update.Delete del -> delete(Documents.get(before, del.path()), Evaluator.resolve(del.value(), before));
        case Update.Remove ignored -> null;
      });
    }
    for (int i = 0; i < ordered.size(); i++) {
      Update.Action a = ordered.get(i);
      AttributeValue v = computed.get(i);
      if (a instanceof Update.Remove || a instanceof Update.Delete && v == null) {
        item = Documents.remove(item, a.path());
        continue;
      }
      if (a instanceof Update.Delete && Documents.get(before, a.path()) == null) {
        continue;
      }
      Map<String, AttributeValue> next = Documents.set(item, a.path(), v);
      if (next == null) {
        throw DynamoDbException.validation("The document path provided in the update expression is invalid for update");
      }
      item = next;
    }
    return item;
  }

  /** A total order of paths in which a list's higher indexes come before its lower ones. */
  private static int compareDescending(Path a, Path b) {
    int n = Math.min(a.elements().size(), b.elements().size());
    for (int i = 0; i < n; i++) {
      Path.Element x = a.elements().get(i);
      Path.Element y = b.elements().get(i);
      int c;
      if (x instanceof Path.Index xi && y instanceof Path.Index yi) {
        c = Integer.compare(yi.index(), xi.index());
      } else if (x instanceof Path.Name xn && y instanceof Path.Name yn) {
        c = xn.name().compareTo(yn.name());
      } else {
        c = x instanceof Path.Name ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.elements().size(), b.elements().size());
  }

  private static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
    return switch (o) {
      case Operand.Value v -> v.value();
      case Operand.PathOperand p -> {
        AttributeValue v = Documents.get(item, p.path());
        if (v == null) {
          throw DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        yield v;
      }
      case Operand.IfNotExists f -> {
        AttributeValue v = Documents.get(item, f.path());
        yield v != null ? v : value(f.fallback(), item);
      }
      case Operand.ListAppend la -> {
        AttributeValue a = value(la.first(), item);
        AttributeValue b = value(la.second(), item);
        if (!(a instanceof AttributeValue.L x) || !(b instanceof AttributeValue.L y)) {
          throw wrongType();
        }
        List<AttributeValue> joined = new ArrayList<>(x.value());
        joined.addAll(y.value());
        yield new AttributeValue.L(joined);
      }
      case Operand.Arithmetic ar -> {
        AttributeValue a = value(ar.left(), item);
        AttributeValue b = value(ar.right(), item);
        if (!(a instanceof AttributeValue.N x) || !(b instanceof AttributeValue.N y)) {
          throw wrongType();
        }
        yield new AttributeValue.N(Numbers.check(ar.plus() ? x.value().add(y.value()) : x.value().subtract(y.value())));
      }
      case Operand.Size ignored -> throw wrongType();
    };
  }

  private static AttributeValue add(AttributeValue existing, AttributeValue v) {
    if (existing == null) {
      return v;
    }
    if (existing instanceof AttributeValue.N x && v instanceof AttributeValue.N y) {
      return new AttributeValue.N(Numbers.check(x.value().add(y.value())));
    }
    if (existing instanceof AttributeValue.SS x && v instanceof AttributeValue.SS y) {
      List<String> out = new ArrayList<>(x.value());
      y.value().stream().filter(s -> !out.contains(s)).forEach(out::add);
      return new AttributeValue.SS(out);
    }
    if (existing instanceof AttributeValue.NS x && v instanceof AttributeValue.NS y) {
      List<BigDecimal> out = new ArrayList<>(x.value());
      y.value().stream().filter(d -> out.stream().noneMatch(e -> e.compareTo(d) == 0)).forEach(out::add);
      return new AttributeValue.NS(out);
    }
    if (existing instanceof AttributeValue.BS x && v instanceof AttributeValue.BS y) {
      List<byte[]> out = new ArrayList<>(x.value());
      y.value().stream().filter(b -> out.stream().noneMatch(e -> Arrays.equals(e, b))).forEach(out::add);
      return new AttributeValue.BS(out);
    }
    throw wrongType();
  }

  /** The set without the value's members; null when nothing is left (the attribute goes). */
  private static AttributeValue delete(AttributeValue existing, AttributeValue v) {
    if (existing == null) {
      return v;
    }
    if (existing instanceof AttributeValue.SS x && v instanceof AttributeValue.SS y) {
      List<String> out = new ArrayList<>(x.value());
      out.removeAll(y.value());
      return out.isEmpty() ? null : new AttributeValue.SS(out);
    }
    if (existing instanceof AttributeValue.NS x && v instanceof AttributeValue.NS y) {
      List<BigDecimal> out = new ArrayList<>(x.value());
      out.removeIf(d -> y.value().stream().anyMatch(e -> e.compareTo(d) == 0));
      return out.isEmpty() ? null : new AttributeValue.NS(out);
    }
    if (existing instanceof AttributeValue.BS x && v instanceof AttributeValue.BS y) {
      List<byte[]> out = new ArrayList<>(x.value());
      out.removeIf(d -> y.value().stream().anyMatch(e -> Arrays.equals(e, d)));
      return out.isEmpty() ? null : new AttributeValue.BS(out);
    }
    throw wrongType();
  }

  private static DynamoDbException wrongType() {
    return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
  }
}
