package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.ApiRequest;
import io.stepwise.integrations.messaging.SdkMetadata;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.UUID;

/** The tasks' SQS calls on the local queues, through the same operations the API serves. */
final class LocalSqs implements SqsBackend {
  private final SqsApi api;
  private final InstantSource clock;

  LocalSqs(SqsApi api, InstantSource clock) {
    this.api = api;
    this.clock = clock;
  }

  @Override
  public ServiceAnswer sendMessage(JsonNode request) {
    String requestId = UUID.randomUUID().toString();
    try {
      ObjectNode body = (ObjectNode) api.call("SendMessage", request, ApiRequest.LOCAL);
      int length = Json.write(body).getBytes(StandardCharsets.UTF_8).length;
      return new ServiceAnswer(body, 200, SdkMetadata.localHeaders(requestId, clock.instant(), "application/x-amz-json-1.0", length), requestId);
    } catch (ApiError e) {
      throw error(e, requestId);
    }
  }

  /** An API error as the task sees it: its shape from the __type, its code as the query protocol's. */
  static ServiceError error(ApiError e, String requestId) {
    String type = e.type();
    String shape = type.startsWith(SqsErrors.NAMESPACE) ? type.substring(SqsErrors.NAMESPACE.length()) : null;
    if ("InvalidParameterValue".equals(shape) || "MissingParameter".equals(shape)) {
      shape = null; // not modelled: the SDKs throw their base exception
    }
    String code = e.headers().getOrDefault("x-amzn-query-error", type).split(";")[0];
    return new ServiceError(e.status(), shape, code, e.getMessage(), requestId);
  }
}
