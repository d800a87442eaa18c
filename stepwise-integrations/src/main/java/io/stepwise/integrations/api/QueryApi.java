package io.stepwise.integrations.api;

import java.util.Map;

/**
 * A service's AWS query API (form-encoded {@code POST /} with {@code Action} and {@code Version},
 * XML answers), as SNS has, served by {@code stepwise serve} on the Step Functions port: the
 * requests with no {@code X-Amz-Target} whose {@code Version} is this API's. The server reads the
 * form and writes the answer; errors (an {@link ApiError} whose type is the query error code, such
 * as {@code NotFound}) it writes as the protocol's {@code ErrorResponse}.
 */
public interface QueryApi {
  /** The API version a request names ({@code 2010-03-31} for SNS). */
  String version();

  /** The service a Signature Version 4 credential scope names ({@code sns}). */
  String signingName();

  /** The XML namespace of the answers ({@code http://sns.amazonaws.com/doc/2010-03-31/}). */
  String namespace();

  /**
   * Runs one action.
   *
   * @param params the form's parameters, decoded (the last value of a name that repeats)
   * @return the answer's XML document
   * @throws ApiError the service's error: its type is the code, its status the HTTP status
   */
  String call(String action, Map<String, String> params, ApiRequest request, String requestId);
}
