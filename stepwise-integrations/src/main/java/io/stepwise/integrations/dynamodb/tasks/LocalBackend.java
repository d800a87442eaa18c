package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Tasks on the local stand-in, called in process. The answer carries the headers DynamoDB's HTTP
 * answer would (its length and CRC32 computed from the JSON DynamoDB would send), since the
 * optimized integration's result shows them.
 */
public final class LocalBackend implements DynamoDbBackend {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final LocalDynamoDb dynamodb;
  private final InstantSource clock;

  public LocalBackend(LocalDynamoDb dynamodb, InstantSource clock) {
    this.dynamodb = dynamodb;
    this.clock = clock;
  }

  @Override
  public Reply call(String operation, JsonNode input) {
    String requestId = RequestIds.next();
    JsonNode body;
    try {
      body = dynamodb.call(operation, input);
    } catch (DynamoDbException e) {
      throw new Failed(e.code(), e.getMessage(), e.status(), requestId);
    }
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Server", List.of("Server"));
    headers.put("Connection", List.of("keep-alive"));
    headers.put("x-amzn-RequestId", List.of(requestId));
    headers.put("x-amz-crc32", List.of(Long.toString(crc.getValue())));
    headers.put("Content-Length", List.of(Integer.toString(bytes.length)));
    headers.put("Date", List.of(HTTP_DATE.format(clock.instant())));
    headers.put("Content-Type", List.of("application/x-amz-json-1.0"));
    return new Reply(body, 200, headers, requestId);
  }

  @Override
  public String describe() {
    return "local (tables " + dynamodb.where() + ")";
  }
}
