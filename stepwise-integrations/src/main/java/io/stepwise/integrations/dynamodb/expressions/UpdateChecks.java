package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import java.util.List;
import java.util.function.Function;

/** What DynamoDB refuses in an UpdateExpression before reading the item. */
final class UpdateChecks {
  private UpdateChecks() {}

  static void paths(Update update, Function<String, DynamoDbException> fail) {
    List<Update.Action> actions = update.actions();
    for (int i = 0; i < actions.size(); i++) {
      for (int j = i + 1; j < actions.size(); j++) {
        Path a = actions.get(i).path();
        Path b = actions.get(j).path();
        if (a.overlaps(b)) {
          throw fail.apply("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
              + a.shown() + ", path two: " + b.shown());
        }
      }
    }
    for (Update.Action action : actions) {
      if (action instanceof Update.Add add && add.value() instanceof Operand.Value v && !addable(v.value())) {
        throw fail.apply("Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName(v.value()));
      }
      if (action instanceof Update.Delete del && del.value() instanceof Operand.Value v && !isSet(v.value())) {
        throw fail.apply("Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeName(v.value()));
      }
    }
  }

  private static boolean addable(AttributeValue v) {
    return v instanceof AttributeValue.N || isSet(v);
  }

  static boolean isSet(AttributeValue v) {
    return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
  }

  /** DynamoDB's long names of the types, as its operand-type messages give them. */
  static String typeName(AttributeValue v) {
    return switch (v.type()) {
      case "S" -> "STRING";
      case "N" -> "NUMBER";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "NULL" -> "NULL";
      case "M" -> "MAP";
      case "L" -> "LIST";
      case "SS" -> "STRING_SET";
      case "NS" -> "NUMBER_SET";
      default -> "BINARY_SET";
    };
  }
}
