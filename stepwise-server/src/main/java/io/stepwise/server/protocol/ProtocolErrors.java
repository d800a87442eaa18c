package io.stepwise.server.protocol;

/**
 * The errors of the protocol itself, which no operation models: what AWS's front end answers
 * before an operation sees the request.
 */
public final class ProtocolErrors {
  private ProtocolErrors() {}

  public static ApiException unknownOperation(String message) {
    return ApiException.client("UnknownOperationException", message);
  }

  public static ApiException serialization(String message) {
    return ApiException.client("SerializationException", message);
  }

  /** AWS's answer when a caller exceeds its rate: HTTP 400, which the SDKs retry with back-off. */
  public static ApiException throttling() {
    return ApiException.client("ThrottlingException", "Rate exceeded");
  }

  public static ApiException tooLarge(long limit) {
    return new ApiException(413, "RequestEntityTooLargeException",
        "The request body is larger than the limit of " + limit + " bytes");
  }

  public static ApiException unavailable() {
    return new ApiException(503, "ServiceUnavailableException", "The server is shutting down");
  }

  /** A bug: the message names the request id, which the server log has with the stack trace. */
  public static ApiException internal(String requestId) {
    return new ApiException(500, "InternalFailure",
        "The server could not complete the request because of an internal error (request id " + requestId + ")");
  }
}
