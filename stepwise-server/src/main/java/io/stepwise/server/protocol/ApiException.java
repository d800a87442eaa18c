package io.stepwise.server.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the API answers with, as AWS JSON 1.0 sends it: an HTTP status, the error code that
 * clients match on ({@code __type}), the message, and the members some error shapes add
 * (ValidationException's {@code reason}, ResourceNotFound's {@code resourceName}).
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, String> fields;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public ApiException(int status, String code, String message, Map<String, String> fields) {
    super(message, null, false, false); // an answer, not a failure: no stack trace to fill
    this.status = status;
    this.code = code;
    this.fields = Map.copyOf(fields);
  }

  /** A client error (HTTP 400), the status AWS gives every modelled Step Functions error. */
  public static ApiException client(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** A client error with one added member, e.g. {@code reason} or {@code resourceName}. */
  public static ApiException client(String code, String message, String field, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(field, value);
    return new ApiException(400, code, message, fields);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Extra members of the error body, beside {@code __type} and {@code message}. */
  public Map<String, String> fields() {
    return fields;
  }
}
