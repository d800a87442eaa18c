package io.stepwise.server.operations;

import io.stepwise.server.protocol.ApiException;

/** The modelled errors of the Step Functions API, in the words AWS answers with. */
public final class Errors {
  private Errors() {}

  public static ApiException stateMachineDoesNotExist(String arn) {
    return ApiException.client("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  public static ApiException stateMachineAlreadyExists(String arn) {
    return ApiException.client("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }

  public static ApiException stateMachineDeleting(String arn) {
    return ApiException.client("StateMachineDeleting", "State Machine is being deleted: '" + arn + "'");
  }

  public static ApiException activityDoesNotExist(String arn) {
    return ApiException.client("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  }

  public static ApiException activityAlreadyExists(String arn) {
    return ApiException.client("ActivityAlreadyExists", "Activity Already Exists: '" + arn + "'");
  }

  public static ApiException invalidName(String name) {
    return ApiException.client("InvalidName", "Invalid Name: '" + name + "'");
  }

  /** ResourceNotFound as AWS words it for aliases and the versions they name. */
  public static ApiException resourceNotFound() {
    return ApiException.client("ResourceNotFound", "Request references a resource that does not exist.");
  }

  /** ResourceNotFound as AWS words it for tagging, naming the resource. */
  public static ApiException resourceNotFound(String arn) {
    return ApiException.client("ResourceNotFound", "Resource not found: '" + arn + "'", "resourceName", arn);
  }

  public static ApiException validation(String message) {
    return ApiException.client("ValidationException", message);
  }

  /** A ValidationException with one of the model's reasons (ValidationExceptionReason). */
  public static ApiException validation(String message, String reason) {
    return ApiException.client("ValidationException", message, "reason", reason);
  }

  /** HTTP 409, as the model documents for this error (the others are 400). */
  public static ApiException conflict(String message) {
    return new ApiException(409, "ConflictException", message);
  }

  /** HTTP 402, as the model documents for this error. */
  public static ApiException quotaExceeded(String message) {
    return new ApiException(402, "ServiceQuotaExceededException", message);
  }
}
