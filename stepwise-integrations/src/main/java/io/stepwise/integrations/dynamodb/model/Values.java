package io.stepwise.integrations.dynamodb.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Comparisons and sizes of attribute values as DynamoDB computes them. */
public final class Values {
  private Values() {}

  /**
   * The order of two scalars of one type (N, S or B), or null when DynamoDB does not order them
   * (different types, or not scalars): a comparison with them is false.
   */
  public static Integer compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Arrays.compareUnsigned(x.value().getBytes(StandardCharsets.UTF_8), y.value().getBytes(StandardCharsets.UTF_8));
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Arrays.compareUnsigned(x.value(), y.value());
    }
    return null;
  }

  /** What {@code size(path)} gives: a string's length, a binary's bytes, a set's, list's or map's members; null for others. */
  public static Integer size(AttributeValue v) {
    return switch (v) {
      case AttributeValue.S s -> s.value().length();
      case AttributeValue.B b -> b.value().length;
      case AttributeValue.SS s -> s.value().size();
      case AttributeValue.NS s -> s.value().size();
      case AttributeValue.BS s -> s.value().size();
      case AttributeValue.L l -> l.value().size();
      case AttributeValue.M m -> m.value().size();
      default -> null;
    };
  }

  /** An item's size as DynamoDB counts it against its 400 KB limit: names and values in bytes. */
  public static long itemBytes(Map<String, AttributeValue> item) {
    long total = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length + bytes(e.getValue());
    }
    return total;
  }

  private static long bytes(AttributeValue v) {
    return switch (v) {
      case AttributeValue.S s -> s.value().getBytes(StandardCharsets.UTF_8).length;
      case AttributeValue.N n -> numberBytes(n.value());
      case AttributeValue.B b -> b.value().length;
      case AttributeValue.Bool ignored -> 1;
      case AttributeValue.Null ignored -> 1;
      case AttributeValue.SS s -> s.value().stream().mapToLong(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
      case AttributeValue.NS s -> s.value().stream().mapToLong(Values::numberBytes).sum();
      case AttributeValue.BS s -> s.value().stream().mapToLong(x -> x.length).sum();
      case AttributeValue.L l -> 3 + l.value().stream().mapToLong(x -> 1 + bytes(x)).sum();
      case AttributeValue.M m -> 3 + m.value().entrySet().stream()
          .mapToLong(x -> 1 + x.getKey().getBytes(StandardCharsets.UTF_8).length + bytes(x.getValue())).sum();
    };
  }

  /** About one byte per two significant digits, plus one. */
  private static long numberBytes(java.math.BigDecimal d) {
    return (d.signum() == 0 ? 1 : d.stripTrailingZeros().precision() + 1) / 2 + 1;
  }
}
