package io.stepwise.integrations.sqs;

import io.stepwise.integrations.api.ApiError;
import java.util.Map;

/**
 * SQS's errors as its JSON protocol answers them: {@code __type} {@code com.amazonaws.sqs#Shape}
 * (what the SDKs map to their exception classes) and, since SQS is "query compatible", the code
 * its query protocol used in {@code x-amzn-query-error: CODE;Sender} (what the SDKs give as the
 * error code, and older clients match on).
 */
final class SqsErrors {
  static final String NAMESPACE = "com.amazonaws.sqs#";

  private SqsErrors() {}

  static ApiError of(String shape, String queryCode, String message) {
    return new ApiError(400, NAMESPACE + shape, message, Map.of("x-amzn-query-error", queryCode + ";Sender"));
  }

  static ApiError noQueue() {
    return of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
  }

  static ApiError invalidParameter(String message) {
    return of("InvalidParameterValue", "InvalidParameterValue", message);
  }

  static ApiError missing(String parameter) {
    return of("MissingParameter", "MissingParameter", "The request must contain the parameter " + parameter + ".");
  }

  static ApiError invalidValue(String parameter, Object value, String reason) {
    return invalidParameter("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
  }

  static ApiError invalidAttributeName(String name) {
    return of("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
  }

  static ApiError invalidAttributeValue(String name, String reason) {
    return of("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter " + name + "." + (reason == null ? "" : " Reason: " + reason));
  }

  static ApiError receiptHandleInvalid(String handle) {
    return of("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
  }

  static ApiError notInflight() {
    return of("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
        "Message does not exist or is not available for visibility timeout change.");
  }

  static ApiError unknownOperation(String operation) {
    return new ApiError(400, "UnknownOperationException", "Stepwise's SQS does not implement " + operation);
  }
}
