package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where a DynamoDB Task's call goes: the local stand-in, or a real endpoint through the SDK. Both
 * take and give DynamoDB's own JSON (its wire names: {@code SS}, {@code BOOL}, {@code NULL}).
 */
public interface DynamoDbBackend extends AutoCloseable {
  /**
   * Runs one operation.
   *
   * @param operation {@code GetItem}, {@code Query}, ...
   * @throws Failed DynamoDB's error answer
   */
  Reply call(String operation, JsonNode input);

  /** For the log: where the calls go. */
  String describe();

  @Override
  default void close() {}

  /**
   * A successful answer.
   *
   * @param headers the HTTP response's headers in the order received, each with its values
   */
  record Reply(JsonNode body, int status, Map<String, List<String>> headers, String requestId) {}

  /** DynamoDB's error answer: its code ({@code ConditionalCheckFailedException}), message, status and request id. */
  final class Failed extends RuntimeException {
    private final String code;
    private final int status;
    private final String requestId;

    public Failed(String code, String message, int status, String requestId) {
      super(message, null, false, false);
      this.code = code;
      this.status = status;
      this.requestId = requestId;
    }

    public String code() {
      return code;
    }

    public int status() {
      return status;
    }

    public String requestId() {
      return requestId;
    }
  }
}
