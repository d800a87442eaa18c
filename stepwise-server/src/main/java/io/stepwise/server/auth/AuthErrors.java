package io.stepwise.server.auth;

import io.stepwise.server.protocol.ApiException;

/**
 * The errors AWS answers a request it cannot authenticate with, in its words: the codes and
 * messages of its JSON services' front end, all HTTP 400 (Step Functions answers
 * UnrecognizedClientException with 400, as DynamoDB does these).
 */
final class AuthErrors {
  private AuthErrors() {}

  static ApiException missing() {
    return ApiException.client("MissingAuthenticationTokenException", "Request is missing Authentication Token");
  }

  static ApiException incomplete(String message) {
    return ApiException.client("IncompleteSignatureException", message);
  }

  static ApiException unrecognized() {
    return ApiException.client("UnrecognizedClientException", "The security token included in the request is invalid.");
  }

  static ApiException invalid(String message) {
    return ApiException.client("InvalidSignatureException", message);
  }

  static ApiException mismatch() {
    return invalid("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key"
        + " and signing method. Consult the service documentation for details.");
  }
}
