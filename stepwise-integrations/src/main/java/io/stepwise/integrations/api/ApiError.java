package io.stepwise.integrations.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A service's error answer, as its AWS JSON protocol writes it: the HTTP status, the body's
 * {@code __type} exactly as the service spells it (DynamoDB:
 * {@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}), its {@code message}, and
 * any other members or headers the service adds (SQS's {@code x-amzn-query-error},
 * DynamoDB's {@code CancellationReasons}).
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String type;
  private final Map<String, String> headers;
  private final transient ObjectNode members;

  public ApiError(int status, String type, String message) {
    this(status, type, message, Map.of());
  }

  public ApiError(int status, String type, String message, Map<String, String> headers) {
    this(status, type, message, headers, null);
  }

  /** @param members the body's members beyond {@code __type} and {@code message}, or null */
  public ApiError(int status, String type, String message, Map<String, String> headers, ObjectNode members) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.headers = Map.copyOf(headers);
    this.members = members == null ? JsonNodeFactory.instance.objectNode() : members.deepCopy();
  }

  public int status() {
    return status;
  }

  /** The {@code __type} member. */
  public String type() {
    return type;
  }

  /** The body's members beyond {@code __type} and {@code message} (a copy). */
  public ObjectNode members() {
    return members.deepCopy();
  }

  /** Headers the answer carries beside the body. */
  public Map<String, String> headers() {
    return headers;
  }
}
