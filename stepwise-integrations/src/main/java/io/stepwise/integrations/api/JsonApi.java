package io.stepwise.integrations.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's own AWS JSON API (JSON 1.0 or 1.1, {@code X-Amz-Target: PREFIX.Operation}), served by
 * {@code stepwise serve} on the Step Functions port beside the Step Functions API, so that the AWS
 * CLI and SDKs reach a local stand-in (DynamoDB's tables, SQS's queues) with the same
 * {@code --endpoint-url}. The server reads and bounds the body, verifies the signature (scoped to
 * {@link #signingName()} when signatures are required), parses the JSON and writes the answer;
 * the service only maps an operation and its input to its output.
 */
public interface JsonApi {
  /** The part of {@code X-Amz-Target} before the dot: {@code DynamoDB_20120810}, {@code AmazonSQS}. */
  String targetPrefix();

  /** The service a Signature Version 4 credential scope names: {@code dynamodb}, {@code sqs}. */
  String signingName();

  /**
   * Runs one operation.
   *
   * @param operation the part of the target after the dot, e.g. {@code PutItem}
   * @param input the request body ({@code {}} for an empty one)
   * @return the response body
   * @throws ApiError the service's error answer (an unknown operation included)
   */
  JsonNode call(String operation, JsonNode input);

  /**
   * Runs one operation, knowing the request it came in (the endpoint the client reached). The
   * server calls this one; a service that needs nothing of the request leaves it as it is.
   */
  default JsonNode call(String operation, JsonNode input, ApiRequest request) {
    return call(operation, input);
  }
}
