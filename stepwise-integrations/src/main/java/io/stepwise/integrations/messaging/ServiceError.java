package io.stepwise.integrations.messaging;

/**
 * A service's refusal of a call a task made, local or remote, as the task's error is made from it
 * ({@link ServiceNames}).
 *
 * @param status the HTTP status
 * @param shape the error's shape in the service's model ({@code QueueDoesNotExist}), or null for one it does not model
 * @param code the error code the service gives ({@code AWS.SimpleQueueService.NonExistentQueue})
 * @param requestId the request's id
 */
public final class ServiceError extends RuntimeException {
  private final int status;
  private final String shape;
  private final String code;
  private final String requestId;

  public ServiceError(int status, String shape, String code, String message, String requestId) {
    super(message, null, false, false);
    this.status = status;
    this.shape = shape;
    this.code = code;
    this.requestId = requestId;
  }

  public int status() {
    return status;
  }

  public String shape() {
    return shape;
  }

  public String code() {
    return code;
  }

  public String requestId() {
    return requestId;
  }
}
