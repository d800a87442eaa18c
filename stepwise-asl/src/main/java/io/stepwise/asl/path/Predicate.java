package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** A compiled filter expression, {@code [?(...)]}, tested against one candidate node. */
sealed interface Predicate {

  /** Whether {@code current} (what {@code @} means) satisfies the filter. */
  boolean test(JsonNode current, JsonNode root);

  record And(Predicate left, Predicate right) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return left.test(current, root) && right.test(current, root);
    }
  }

  record Or(Predicate left, Predicate right) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return left.test(current, root) || right.test(current, root);
    }
  }

  record Not(Predicate operand) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return !operand.test(current, root);
    }
  }

  /** A bare path, {@code [?(@.isbn)]}: true when it selects something (a null value counts). */
  record Exists(Operand.PathOperand path) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      JsonNode v = path.value(current, root);
      return v != null && !(path.indefinite() && v.isEmpty());
    }
  }

  record Compare(Operand left, Comparator op, Operand right) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return op.holds(left.value(current, root), right.value(current, root));
    }
  }

  /** {@code left =~ /regex/flags}: the whole text must match, as in Jayway. */
  record Matches(Operand left, Pattern pattern) implements Predicate {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return pattern.matcher(FilterValues.regexInput(left.value(current, root))).matches();
    }
  }

  /** The relational operators and how Jayway applies them to values of mixed types. */
  enum Comparator {
    EQ("=="),
    NE("!="),
    /** Jayway's {@code ===}: equal and of the same JSON type, so 1 === '1' is false. */
    TYPED_EQ("==="),
    TYPED_NE("!=="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    /** Null stands for a path that found nothing: equal to nothing, unequal to everything. */
    boolean holds(JsonNode left, JsonNode right) {
      if (this == EQ) {
        return FilterValues.equal(left, right);
      }
      if (this == NE) {
        return !FilterValues.equal(left, right);
      }
      if (this == TYPED_EQ || this == TYPED_NE) {
        boolean same = left != null && right != null && left.getNodeType() == right.getNodeType() && FilterValues.equal(left, right);
        return same == (this == TYPED_EQ);
      }
      int c = FilterValues.order(left, right);
      if (c == FilterValues.UNORDERED) {
        return false;
      }
      return switch (this) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
    }
  }
}
