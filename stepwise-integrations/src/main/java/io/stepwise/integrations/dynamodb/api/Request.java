package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one operation's input as DynamoDB's front end does: a member of the wrong JSON type is a
 * SerializationException at once; the model's constraints (required, length, range, enum,
 * pattern) are collected and reported together ("2 validation errors detected: ...").
 */
final class Request {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private final JsonNode input;
  private final List<String> violations = new ArrayList<>();

  Request(JsonNode input) {
    this.input = input == null ? io.stepwise.asl.json.Json.NODES.objectNode() : input;
  }

  /** The whole input. */
  JsonNode body() {
    return input;
  }

  JsonNode node(String member) {
    JsonNode v = input.get(member);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String member) {
    return node(member) != null;
  }

  String string(String member) {
    JsonNode v = node(member);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    return v.textValue();
  }

  Boolean bool(String member) {
    JsonNode v = node(member);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    return v.booleanValue();
  }

  Long number(String member) {
    JsonNode v = node(member);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    return v.longValue();
  }

  JsonNode object(String member) {
    JsonNode v = node(member);
    if (v != null && !v.isObject()) {
      throw DynamoDbException.serialization("Start of structure or map found where not expected");
    }
    return v;
  }

  JsonNode array(String member) {
    JsonNode v = node(member);
    if (v != null && !v.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class java.lang.String");
    }
    return v;
  }

  /** A table name, required; {@code at} is the member's path as DynamoDB names it ({@code tableName}). */
  String tableName(String member, String at) {
    String name = string(member);
    if (name == null) {
      violations.add("Value null at '" + at + "' failed to satisfy constraint: Member must not be null");
      return null;
    }
    if (name.length() < 3) {
      violations.add("Value '" + name + "' at '" + at + "' failed to satisfy constraint: Member must have length greater than or equal to 3");
    } else if (name.length() > 255) {
      violations.add("Value '" + name + "' at '" + at + "' failed to satisfy constraint: Member must have length less than or equal to 255");
    }
    if (!name.isEmpty() && !TABLE_NAME.matcher(name).matches()) {
      violations.add("Value '" + name + "' at '" + at + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return name;
  }

  void required(String member, String at) {
    if (!has(member)) {
      violations.add("Value null at '" + at + "' failed to satisfy constraint: Member must not be null");
    }
  }

  String enumValue(String member, String at, Set<String> allowed, String shown) {
    String v = string(member);
    if (v != null && !allowed.contains(v)) {
      violations.add("Value '" + v + "' at '" + at + "' failed to satisfy constraint: Member must satisfy enum value set: " + shown);
    }
    return v;
  }

  Long min(String member, String at, long min) {
    Long v = number(member);
    if (v != null && v < min) {
      violations.add("Value '" + v + "' at '" + at + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }
    return v;
  }

  void violation(String message) {
    violations.add(message);
  }

  /** Throws the collected violations as one ValidationException. */
  void check() {
    if (!violations.isEmpty()) {
      int n = violations.size();
      throw DynamoDbException.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
    }
  }

  /** A legacy (pre-expression) parameter Stepwise does not take: refused, naming its replacement. */
  void refuseLegacy(String member, String instead) {
    if (has(member)) {
      throw DynamoDbException.validation("Stepwise's local DynamoDB does not support the legacy parameter " + member + "; use " + instead);
    }
  }
}
