package io.stepwise.integrations.dynamodb.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;

/**
 * An error DynamoDB answers, with its code, its {@code __type} as DynamoDB spells it, its message
 * word for word, and any members its shape adds (TransactionCanceledException's
 * {@code CancellationReasons}, a failed condition's {@code Item}).
 */
public final class DynamoDbException extends RuntimeException {
  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

  private final String code;
  private final String type;
  private final int status;
  private final transient ObjectNode members;

  public DynamoDbException(int status, String type, String message, ObjectNode members) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = type.substring(type.indexOf('#') + 1);
    this.members = members == null ? Json.NODES.objectNode() : members;
  }

  public static DynamoDbException validation(String message) {
    return new DynamoDbException(400, "com.amazon.coral.validate#ValidationException", message, null);
  }

  public static DynamoDbException serialization(String message) {
    return new DynamoDbException(400, "com.amazon.coral.service#SerializationException", message, null);
  }

  public static DynamoDbException resourceNotFound(String message) {
    return new DynamoDbException(400, DYNAMODB + "ResourceNotFoundException", message, null);
  }

  /** A data-plane operation on a table that does not exist: DynamoDB names no table. */
  public static DynamoDbException noSuchTable() {
    return resourceNotFound("Requested resource not found");
  }

  public static DynamoDbException resourceInUse(String message) {
    return new DynamoDbException(400, DYNAMODB + "ResourceInUseException", message, null);
  }

  public static DynamoDbException conditionalCheckFailed(ObjectNode members) {
    return new DynamoDbException(400, DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", members);
  }

  public static DynamoDbException transactionCanceled(String message, ObjectNode members) {
    return new DynamoDbException(400, DYNAMODB + "TransactionCanceledException", message, members);
  }

  public static DynamoDbException unknownOperation(String operation) {
    return new DynamoDbException(400, "com.amazon.coral.service#UnknownOperationException", null, null);
  }

  /** The bare code: {@code ConditionalCheckFailedException}. */
  public String code() {
    return code;
  }

  /** The {@code __type} member as DynamoDB writes it. */
  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  /** Members of the error beyond {@code __type} and {@code message}. */
  public ObjectNode members() {
    return members;
  }
}
