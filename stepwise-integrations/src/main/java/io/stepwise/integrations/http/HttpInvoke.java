package io.stepwise.integrations.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP Task, {@code arn:aws:states:::http:invoke}: calls the API the Parameters describe
 * ({@link HttpTaskRequest}) with the JDK's HTTP client and answers AWS's result ({@link HttpAnswer}).
 * As on AWS, the whole call (connecting, sending, the complete response) has 60 seconds
 * ({@link #AWS_LIMIT}); past it, or when the endpoint cannot be reached, the task fails with
 * States.Http.Socket. A response over the payload quota (256 KiB) fails it with
 * States.DataLimitExceeded; redirects are not followed (a 3xx is a status outside 2xx).
 *
 * <p>Authentication: there is no EventBridge connection here, so {@code ConnectionArn} is accepted
 * and not used: nothing is added to the request. An API that needs a key can be given it in
 * Headers (any but the forbidden ones, {@code Authorization} among them).
 */
public final class HttpInvoke implements TaskHandler {
  public static final String RESOURCE = "arn:aws:states:::http:invoke";
  /** AWS's hard limit on one HTTP Task call. */
  public static final Duration AWS_LIMIT = Duration.ofSeconds(60);
  private static final int MAX_BODY = 256 * 1024;

  private final HttpClient client;
  private final Duration limit;

  public HttpInvoke() {
    this(AWS_LIMIT);
  }

  /** @param limit how long one call may take (AWS: 60 s); shorter in tests */
  public HttpInvoke(Duration limit) {
    this.limit = limit;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(limit)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    return RESOURCE.equals(request.resource());
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) throws InterruptedException {
    return invoke(request, exchange -> {});
  }

  /**
   * The call, with what went over the wire handed to {@code seen} before the outcome is given
   * (also when it fails): TestState's TRACE level shows it.
   */
  public JsonNode invoke(TaskRequest request, Consumer<HttpExchange> seen) throws InterruptedException {
    HttpTaskRequest call = HttpTaskRequest.read(request.input());
    HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
        .timeout(limit)
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach(b::header);
    b.header("User-Agent", HttpHeaderRules.USER_AGENT_PREFIX + region(request.executionArn()));
    b.header("Range", HttpHeaderRules.RANGE);
    HttpRequest built = b.build();
    HttpExchange.Sent sent = new HttpExchange.Sent(call.uri().getScheme(), call.method(), call.uri().toString(), built.headers().map(),
        call.body() == null ? null : new String(call.body(), StandardCharsets.UTF_8));
    ObjectNode answer;
    try {
      answer = send(built);
    } catch (TaskFailure f) {
      seen.accept(new HttpExchange(sent, null));
      throw f;
    }
    seen.accept(new HttpExchange(sent, received(answer)));
    int status = answer.get("StatusCode").intValue();
    if (status < 200 || status > 299) {
      throw new TaskFailure("States.Http.StatusCode." + status, Json.write(answer));
    }
    return answer;
  }

  /** The answer as TRACE shows it, from the result made of it (its body as the text that came). */
  private static HttpExchange.Received received(ObjectNode answer) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer.get("Headers").properties().forEach(e -> {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(v.asText()));
      headers.put(e.getKey(), values);
    });
    JsonNode body = answer.get("ResponseBody");
    return new HttpExchange.Received("HTTP/1.1", answer.get("StatusCode").intValue(), answer.get("StatusText").asText(), headers,
        body.isTextual() ? body.textValue() : Json.write(body));
  }

  /** Sends and reads the whole answer within the limit. */
  private ObjectNode send(HttpRequest req) throws InterruptedException {
    CompletableFuture<ObjectNode> call = client.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
        .thenApply(HttpInvoke::read);
    try {
      return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw timedOut(req);
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
      if (c instanceof TaskFailure f) {
        throw f;
      }
      if (c instanceof java.net.http.HttpTimeoutException) {
        throw timedOut(req); // the client's own deadline (connecting, or the answer's head) came first
      }
      throw new TaskFailure("States.Http.Socket", "The HTTP request to " + req.uri() + " failed: " + describe(c));
    }
  }

  private TaskFailure timedOut(HttpRequest req) {
    return new TaskFailure("States.Http.Socket", "The HTTP request to " + req.uri() + " did not complete within "
        + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " seconds" : limit.toMillis() + " ms"));
  }

  private static ObjectNode read(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new TaskFailure(StatesErrors.DATA_LIMIT_EXCEEDED,
            "The state/task 'http' returned a result with a size exceeding the maximum number of bytes service limit.");
      }
      return HttpAnswer.of(r.statusCode(), r.headers().map(), body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String describe(Throwable t) {
    Throwable c = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
    String m = c.getMessage();
    return c.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
  }

  /** The region of the execution's ARN (arn:aws:states:REGION:...), for the User-Agent. */
  private static String region(String executionArn) {
    String[] parts = executionArn == null ? new String[0] : executionArn.split(":", 5);
    return parts.length > 3 ? parts[3] : "us-east-1";
  }
}
