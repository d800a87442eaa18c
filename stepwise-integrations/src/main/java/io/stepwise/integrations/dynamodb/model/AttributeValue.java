package io.stepwise.integrations.dynamodb.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB attribute value, of one of its ten types. Values are immutable once made; numbers
 * are kept as exact decimals (normalised: {@code 1.50} is {@code 1.5}) and compared as decimals,
 * binaries as unsigned bytes, strings by their UTF-8 bytes, as DynamoDB orders them.
 */
public sealed interface AttributeValue {
  /** The type's descriptor as DynamoDB JSON spells it: {@code S}, {@code NS}, {@code NULL}... */
  String type();

  record S(String value) implements AttributeValue {
    @Override
    public String type() {
      return "S";
    }
  }

  record N(BigDecimal value) implements AttributeValue {
    @Override
    public String type() {
      return "N";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof N n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }
  }

  record B(byte[] value) implements AttributeValue {
    @Override
    public String type() {
      return "B";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof B b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "B[" + Base64.getEncoder().encodeToString(value) + "]";
    }
  }

  record Bool(boolean value) implements AttributeValue {
    @Override
    public String type() {
      return "BOOL";
    }
  }

  record Null() implements AttributeValue {
    @Override
    public String type() {
      return "NULL";
    }
  }

  /** A map, its entries in the order they were given. */
  record M(Map<String, AttributeValue> value) implements AttributeValue {
    @Override
    public String type() {
      return "M";
    }
  }

  record L(List<AttributeValue> value) implements AttributeValue {
    @Override
    public String type() {
      return "L";
    }
  }

  /** A string set: distinct members, in the order given. */
  record SS(List<String> value) implements AttributeValue {
    @Override
    public String type() {
      return "SS";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SS s && Sets.sameMembers(value, s.value);
    }

    @Override
    public int hashCode() {
      return value.size();
    }
  }

  record NS(List<BigDecimal> value) implements AttributeValue {
    @Override
    public String type() {
      return "NS";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NS s && s.value.size() == value.size()
          && value.stream().allMatch(a -> s.value.stream().anyMatch(b -> a.compareTo(b) == 0));
    }

    @Override
    public int hashCode() {
      return value.size();
    }
  }

  record BS(List<byte[]> value) implements AttributeValue {
    @Override
    public String type() {
      return "BS";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BS s && s.value.size() == value.size()
          && value.stream().allMatch(a -> s.value.stream().anyMatch(b -> Arrays.equals(a, b)));
    }

    @Override
    public int hashCode() {
      return value.size();
    }
  }

  /** Set helpers shared by the set types. */
  final class Sets {
    private Sets() {}

    static boolean sameMembers(List<String> a, List<String> b) {
      return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }
  }
}
