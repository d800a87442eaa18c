package io.stepwise.integrations.lambda.url;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaErrors;
import io.stepwise.integrations.lambda.targets.LocalTarget;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A function served by an HTTP endpoint: each invocation POSTs the event as JSON, with the
 * invocation's context in headers as Lambda's Runtime API hands them to a runtime
 * ({@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn},
 * {@code -Client-Context}); the response body is the payload. A non-2xx status, an
 * {@code X-Amz-Function-Error} header, or a body shaped as Lambda's error ({@code errorType} and
 * {@code errorMessage}) is the function's error; past the function's timeout the call fails with
 * Sandbox.Timedout; an endpoint that cannot be reached is a Lambda.ServiceException (retriable,
 * as AWS advises for Lambda's transient errors).
 */
public final class UrlTarget extends LocalTarget {
  private final FunctionSpec.Url spec;
  private final HttpClient client;

  public UrlTarget(FunctionSpec.Url spec) {
    super(spec.name(), spec.memoryMb());
    this.spec = spec;
    this.client = HttpClient.newBuilder().connectTimeout(spec.timeout()).build();
  }

  @Override
  protected Ran run(InvokeRequest r) throws Exception {
    long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
    HttpRequest.Builder b = HttpRequest.newBuilder(spec.url()).timeout(spec.timeout())
        .header("Content-Type", "application/json")
        .header("Lambda-Runtime-Aws-Request-Id", r.requestId())
        .header("Lambda-Runtime-Deadline-Ms", Long.toString(deadline))
        .header("Lambda-Runtime-Invoked-Function-Arn", r.invokedArn())
        .POST(HttpRequest.BodyPublishers.ofString(r.payload(), StandardCharsets.UTF_8));
    JsonNode cc = r.clientContextJson();
    if (cc != null) {
      b.header("Lambda-Runtime-Client-Context", Json.write(cc));
    }
    HttpResponse<String> resp;
    try {
      resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return new Ran(LambdaErrors.timedOut(r.requestId(), spec.timeout().toMillis()), List.of());
    } catch (IOException e) {
      throw LambdaErrors.service("ServiceException", 500, "Stepwise could not reach the function " + function + " at " + spec.url()
          + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), r.requestId());
    }
    String body = resp.body();
    boolean failed = resp.statusCode() / 100 != 2 || resp.headers().firstValue("X-Amz-Function-Error").isPresent()
        || looksLikeAnError(body);
    List<String> log = resp.headers().firstValue("X-Amz-Log-Result").map(UrlTarget::decodedLines).orElse(List.of());
    return new Ran(failed ? InvokeResult.failed(body, null) : InvokeResult.returned(body, null), log);
  }

  /** {"errorType": ..., "errorMessage": ...}: the shape of a Lambda function's error. */
  static boolean looksLikeAnError(String body) {
    if (body == null || !body.trim().startsWith("{")) {
      return false;
    }
    try {
      JsonNode n = Json.parse(body);
      return n.isObject() && n.path("errorType").isTextual() && n.has("errorMessage");
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> decodedLines(String base64) {
    try {
      return List.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).split("\n"));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  @Override
  public String kind() {
    return "url";
  }

  @Override
  public String target() {
    return spec.target();
  }

  @Override
  public void close() {
    client.close();
  }
}
