package io.stepwise.integrations.eventbridge;

import io.stepwise.integrations.api.ApiError;

/** EventBridge's errors as its JSON 1.1 protocol answers them ({@code __type} the bare shape name). */
final class EventBridgeErrors {
  private EventBridgeErrors() {}

  static ApiError notFound(String message) {
    return new ApiError(400, "ResourceNotFoundException", message);
  }

  static ApiError exists(String message) {
    return new ApiError(400, "ResourceAlreadyExistsException", message);
  }

  static ApiError validation(String message) {
    return new ApiError(400, "ValidationException", message);
  }

  static ApiError badPattern(String reason) {
    return new ApiError(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
  }
}
