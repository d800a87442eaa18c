package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.TableDef;
import io.stepwise.integrations.dynamodb.model.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's KeyConditionExpression as it selects items: the hash key's value, and at most one
 * condition on the range key ({@code = < <= > >=}, BETWEEN, begins_with).
 *
 * @param rangeOperator null when the range key is not constrained
 * @param high BETWEEN's upper bound, else null
 */
public record KeyCondition(AttributeValue hash, String rangeOperator, AttributeValue low, AttributeValue high) {

  /** Reads the parsed expression against the table's key, with DynamoDB's errors. */
  public static KeyCondition of(Condition c, TableDef table) {
    List<Condition> parts = new ArrayList<>();
    flatten(c, parts);
    if (parts.size() > 2) {
      java.util.Set<String> named = new java.util.HashSet<>();
      for (Condition part : parts) {
        Operand left = switch (part) {
          case Condition.Compare cmp -> cmp.left();
          case Condition.Between b -> b.value();
          case Condition.BeginsWith bw -> bw.value();
          default -> null;
        };
        if (left instanceof Operand.PathOperand p && !named.add(p.path().top())) {
          throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
      }
      throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
    }
    AttributeValue hash = null;
    String op = null;
    AttributeValue low = null;
    AttributeValue high = null;
    boolean rangeSeen = false;
    for (Condition part : parts) {
      String attribute;
      List<AttributeValue> values = new ArrayList<>();
      String operator;
      switch (part) {
        case Condition.Compare cmp -> {
          attribute = keyPath(cmp.left());
          values.add(value(cmp.right()));
          operator = cmp.operator();
        }
        case Condition.Between b -> {
          attribute = keyPath(b.value());
          values.add(value(b.low()));
          values.add(value(b.high()));
          operator = "BETWEEN";
        }
        case Condition.BeginsWith bw -> {
          attribute = keyPath(bw.value());
          values.add(value(bw.prefix()));
          operator = "begins_with";
        }
        default -> throw new IllegalStateException();
      }
      TableDef.KeyAttribute key = table.hashKey().name().equals(attribute) ? table.hashKey()
          : table.rangeKey() != null && table.rangeKey().name().equals(attribute) ? table.rangeKey() : null;
      if (key == null) {
        throw DynamoDbException.validation("Query condition missed key schema element: "
            + (hash == null && parts.size() == 1 || table.rangeKey() == null ? table.hashKey().name() : table.rangeKey().name()));
      }
      for (AttributeValue v : values) {
        if (!v.type().equals(key.type())) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
      }
      if (key == table.hashKey()) {
        if (hash != null) {
          throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        if (!operator.equals("=")) {
          throw DynamoDbException.validation("Query key condition not supported");
        }
        hash = values.get(0);
      } else {
        if (rangeSeen) {
          throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        rangeSeen = true;
        op = operator;
        low = values.get(0);
        high = values.size() > 1 ? values.get(1) : null;
      }
    }
    if (hash == null) {
      throw DynamoDbException.validation("Query condition missed key schema element: " + table.hashKey().name());
    }
    return new KeyCondition(hash, op, low, high);
  }

  private static void flatten(Condition c, List<Condition> out) {
    switch (c) {
      case Condition.And and -> {
        flatten(and.left(), out);
        flatten(and.right(), out);
      }
      case Condition.Or ignored -> throw invalidOperator("OR");
      case Condition.Not ignored -> throw invalidOperator("NOT");
      case Condition.In ignored -> throw invalidOperator("IN");
      case Condition.Exists e -> throw invalidOperator(e.exists() ? "attribute_exists" : "attribute_not_exists");
      case Condition.AttributeType ignored -> throw invalidOperator("attribute_type");
      case Condition.Contains ignored -> throw invalidOperator("contains");
      case Condition.Compare cmp when cmp.operator().equals("<>") -> throw invalidOperator("<>");
      default -> out.add(c);
    }
  }

  private static DynamoDbException invalidOperator(String op) {
    return DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + op);
  }

  private static String keyPath(Operand o) {
    if (o instanceof Operand.PathOperand p && p.path().isTopLevel()) {
      return p.path().top();
    }
    if (o instanceof Operand.PathOperand p) {
      throw DynamoDbException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: "
          + p.path().top());
    }
    throw DynamoDbException.validation("Invalid KeyConditionExpression: The left side of a key condition must be a key attribute");
  }

  private static AttributeValue value(Operand o) {
    if (o instanceof Operand.Value v) {
      return v.value();
    }
    throw DynamoDbException.validation("Invalid KeyConditionExpression: The right side of a key condition must be a value placeholder");
  }

  /** Whether a range key value satisfies the range condition. */
  public boolean matchesRange(AttributeValue range) {
    if (rangeOperator == null) {
      return true;
    }
    Integer c = Values.compare(range, low);
    if (c == null) {
      return false;
    }
    return switch (rangeOperator) {
      case "=" -> c == 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "BETWEEN" -> c >= 0 && Values.compare(range, high) <= 0;
      default -> Evaluator.test(new Condition.BeginsWith(new Operand.Value("", range), new Operand.Value("", low)), null);
    };
  }
}
