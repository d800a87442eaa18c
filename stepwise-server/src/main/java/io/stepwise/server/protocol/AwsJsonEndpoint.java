package io.stepwise.server.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.ApiRequest;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.api.QueryApi;
import io.stepwise.server.auth.Authenticator;
import io.stepwise.server.auth.HttpRequestParts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP endpoint of the API: {@code POST /} in AWS JSON 1.0. Every answer carries an
 * {@code x-amzn-RequestId}. An error is a status with the body {@code {"__type": code, "message":
 * ...}}: the code bare, with no namespace, which botocore (it reads {@code __type}, dropping any
 * prefix up to '#') and the Java SDK v2 (it reads the {@code x-amzn-ErrorType} header first, up to
 * any ':', then {@code __type} or {@code code}, dropping any prefix up to '#') both take as it is;
 * the header is sent too. A bug is a 500 InternalFailure naming the request id; its stack trace
 * goes to the log, never to the client.
 */
public final class AwsJsonEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonEndpoint.class);
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().recyclerPool(Json.RECYCLER).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Dispatcher dispatcher;
  private final InFlight inFlight;
  private final long maxBodyBytes;
  private final InstantSource clock;
  private final Authenticator authenticator;
  /** Local services' APIs served beside Step Functions', by target prefix. */
  private final Map<String, JsonApi> apis;
  /** Local services' query APIs (form-encoded, XML), by Version. */
  private final QueryEndpoint queries;

  public AwsJsonEndpoint(Dispatcher dispatcher, InFlight inFlight, long maxBodyBytes, InstantSource clock) {
    this(dispatcher, inFlight, maxBodyBytes, clock, Authenticator.ANY);
  }

  /** @param authenticator asked about every request once its body is read, before its target is looked at */
  public AwsJsonEndpoint(Dispatcher dispatcher, InFlight inFlight, long maxBodyBytes, InstantSource clock, Authenticator authenticator) {
    this(dispatcher, inFlight, maxBodyBytes, clock, authenticator, List.of());
  }

  /** @param apis local services' APIs, served beside Step Functions' by their target prefixes */
  public AwsJsonEndpoint(Dispatcher dispatcher, InFlight inFlight, long maxBodyBytes, InstantSource clock, Authenticator authenticator,
      List<JsonApi> apis) {
    this(dispatcher, inFlight, maxBodyBytes, clock, authenticator, apis, List.of());
  }

  /** @param queryApis local services' query APIs (SNS's), served for the form-encoded requests of their Version */
  public AwsJsonEndpoint(Dispatcher dispatcher, InFlight inFlight, long maxBodyBytes, InstantSource clock, Authenticator authenticator,
      List<JsonApi> apis, List<QueryApi> queryApis) {
    this.queries = new QueryEndpoint(queryApis);
    this.apis = new LinkedHashMap<>();
    for (JsonApi api : apis) {
      if (api.targetPrefix().equals(StepFunctionsApi.TARGET_PREFIX) || this.apis.putIfAbsent(api.targetPrefix(), api) != null) {
        throw new IllegalArgumentException("two APIs with the target prefix " + api.targetPrefix());
      }
    }
    this.dispatcher = dispatcher;
    this.inFlight = inFlight;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
    this.authenticator = authenticator;
  }

  private volatile java.util.function.Consumer<String> throttled = api -> {};

  /**
   * Tells the listener the API name of each request refused with ThrottlingException (too many in
   * flight): the Step Functions operation its target names, else {@code Other}, so that a client's
   * made-up targets cannot grow the names without bound. Quick: it runs while the server is busiest.
   */
  public void onThrottled(java.util.function.Consumer<String> listener) {
    this.throttled = java.util.Objects.requireNonNull(listener, "listener");
  }

  static String apiName(String target) {
    String prefix = StepFunctionsApi.TARGET_PREFIX + ".";
    if (target != null && target.startsWith(prefix) && StepFunctionsApi.OPERATIONS.contains(target.substring(prefix.length()))) {
      return target.substring(prefix.length());
    }
    return "Other";
  }

  /** How much of a refused body is read and thrown away so that the client gets its 413 (see {@link #drain}). */
  private static final long DRAIN_BYTES = 8L * 1024 * 1024;

  /** Handles {@code POST /}. */
  public void handle(Context ctx) {
    String requestId = UUID.randomUUID().toString();
    ctx.header("x-amzn-RequestId", requestId);
    InFlight.Entry entry = inFlight.enter();
    if (entry != InFlight.Entry.ADMITTED) {
      if (entry == InFlight.Entry.BUSY) {
        try {
          throttled.accept(apiName(ctx.header("X-Amz-Target")));
        } catch (RuntimeException e) {
          LOG.warn("A listener for throttled requests failed: {}", e.toString());
        }
      }
      error(ctx, entry == InFlight.Entry.BUSY ? ProtocolErrors.throttling() : ProtocolErrors.unavailable());
      return;
    }
    String target = ctx.header("X-Amz-Target");
    byte[] answer = null;
    ApiException failure = null;
    ServiceAnswer serviceAnswer = null;
    QueryEndpoint.Answer queryAnswer = null;
    try {
      // The declared length is refused before the target is even looked at: nothing is read.
      long declared = ctx.req().getContentLengthLong();
      if (declared > maxBodyBytes) {
        if (declared - maxBodyBytes <= DRAIN_BYTES) {
          drain(ctx.req().getInputStream());
        }
        throw ProtocolErrors.tooLarge(maxBodyBytes);
      }
      byte[] bytes = declared >= 0 ? readDeclared(ctx.req().getInputStream(), declared) : readBounded(ctx.bodyInputStream());
      QueryApi query = target == null ? queries.of(ctx.contentType(), bytes) : null;
      if (query != null) {
        if (authenticator != Authenticator.ANY) {
          authenticator.authenticate(parts(ctx, bytes), query.signingName());
        }
        queryAnswer = queries.call(query, bytes, request(ctx), requestId);
        return;
      }
      JsonApi api = api(target);
      if (authenticator != Authenticator.ANY) {
        // as on AWS: who asks, before what is asked
        authenticator.authenticate(parts(ctx, bytes), api == null ? "states" : api.signingName());
      }
      if (api != null) {
        serviceAnswer = serviceCall(ctx, api, target, bytes);
        return;
      }
      Operation<?, ?> op = dispatcher.route(target);
      JsonNode body = parse(bytes);
      Response response = dispatcher.run(op, body, new RequestContext(requestId, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
      JsonOutput out = JsonOutput.create();
      response.write(out);
      answer = JSON.writeValueAsBytes(out.node());
      LOG.debug("{} {} 200", requestId, target);
    } catch (ApiException e) {
      LOG.debug("{} {} {} {}: {}", requestId, target, e.status(), e.code(), e.getMessage());
      failure = e;
    } catch (Exception | StackOverflowError e) {
      LOG.error("{} {} failed", requestId, target, e);
      failure = ProtocolErrors.internal(requestId);
    } finally {
      // before the answer is written: a client that has its answer may send its next request at
      // once, and must not find this one still counted (Jetty's graceful stop waits for the write)
      inFlight.exit();
      if (serviceAnswer != null) {
        writeServiceAnswer(ctx, serviceAnswer, requestId, target);
      }
      if (queryAnswer != null) {
        writeServiceAnswer(ctx, new ServiceAnswer(queryAnswer.status(), "text/xml", queryAnswer.body(), Map.of()), requestId, "query");
      }
    }
    if (failure != null) {
      error(ctx, failure);
      return;
    }
    try {
      send(ctx, 200, answer);
    } catch (IOException gone) {
      LOG.debug("{} {}: the answer could not be written: {}", requestId, target, gone.toString());
    }
  }

  /** The local service API a target names ({@code DynamoDB_20120810.PutItem}), or null for Step Functions'. */
  private JsonApi api(String target) {
    if (target == null || apis.isEmpty()) {
      return null;
    }
    int dot = target.indexOf('.');
    return dot < 0 ? null : apis.get(target.substring(0, dot));
  }

  /**
   * Runs a local service's operation and writes its answer in the JSON version the request was
   * sent in; the service's own errors keep their {@code __type}. A failure of the protocol itself
   * (the body is not JSON) is thrown, and answered as for Step Functions.
   */
  private static ServiceAnswer serviceCall(Context ctx, JsonApi api, String target, byte[] bytes) throws IOException {
    JsonNode input = parse(bytes);
    String operation = target.substring(target.indexOf('.') + 1);
    String contentType = ctx.contentType() != null && ctx.contentType().startsWith("application/x-amz-json-1.1")
        ? "application/x-amz-json-1.1" : StepFunctionsApi.CONTENT_TYPE;
    try {
      return new ServiceAnswer(200, contentType, JSON.writeValueAsBytes(api.call(operation, input, request(ctx))), Map.of());
    } catch (ApiError e) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("__type", e.type());
      if (e.getMessage() != null) {
        body.put("message", e.getMessage());
      }
      body.setAll(e.members());
      Map<String, String> headers = new LinkedHashMap<>(e.headers());
      headers.put("x-amzn-ErrorType", e.type());
      return new ServiceAnswer(e.status(), contentType, JSON.writeValueAsBytes(body), headers);
    }
  }

  /** The endpoint the client reached, from the Host header (SQS puts it in queue URLs). */
  private static ApiRequest request(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || host.isBlank()) {
      return ApiRequest.LOCAL;
    }
    try {
      return new ApiRequest(java.net.URI.create(ctx.scheme() + "://" + host));
    } catch (IllegalArgumentException badHost) {
      return ApiRequest.LOCAL;
    }
  }

  private record ServiceAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {}

  private static void writeServiceAnswer(Context ctx, ServiceAnswer a, String requestId, String target) {
    a.headers().forEach(ctx::header);
    ctx.status(a.status());
    ctx.res().setContentType(a.contentType());
    ctx.res().setContentLength(a.body().length);
    try {
      ctx.res().getOutputStream().write(a.body());
    } catch (IOException gone) {
      LOG.debug("{} {}: the answer could not be written: {}", requestId, target, gone.toString());
    }
  }

  /** Set on a request whose route answered 404 itself, saying what it has not: {@link #notFound} leaves its answer. */
  public static final String OWN_NOT_FOUND = "stepwise.ownNotFound";

  /** Answers a path or method the API does not have, as an unknown operation. */
  public static void notFound(Context ctx) {
    if (ctx.attribute(OWN_NOT_FOUND) != null) {
      return;
    }
    ctx.header("x-amzn-RequestId", UUID.randomUUID().toString());
    error(ctx, new ApiException(404, "UnknownOperationException",
        "The Step Functions API is POST / with an X-Amz-Target header; nothing is served at "
            + ctx.method() + " " + ctx.path()));
  }

  /**
   * Writes a 200 answer to the response itself: Javalin's {@code result} would copy it through a
   * buffer allocated for every answer (a tenth of a small request's time under load). Errors go
   * through {@code result}: written after the handler returns, Jetty can still mark the answer
   * {@code Connection: close} when a refused body was left unread.
   */
  private static void send(Context ctx, int status, byte[] body) throws IOException {
    ctx.status(status);
    ctx.res().setContentType(StepFunctionsApi.CONTENT_TYPE);
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
  }

  private static byte[] errorBody(ApiException e) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", e.code());
    body.put("message", e.getMessage());
    for (Map.Entry<String, String> f : e.fields().entrySet()) {
      body.put(f.getKey(), f.getValue());
    }
    return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** An error answer, through Javalin (see {@link #send}). */
  static void error(Context ctx, ApiException e) {
    ctx.status(e.status())
        .header("x-amzn-ErrorType", e.code())
        .contentType(StepFunctionsApi.CONTENT_TYPE)
        .result(errorBody(e));
  }

  /** Reads a body of the declared length (at most the limit, checked before), in one array of that size. */
  private static byte[] readDeclared(InputStream in, long declared) throws IOException {
    byte[] body = in.readNBytes((int) declared);
    if (body.length < declared) {
      throw ProtocolErrors.serialization("The request body ended after " + body.length + " of its declared " + declared + " bytes");
    }
    return body;
  }

  private static HttpRequestParts parts(Context ctx, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(Collections.list(ctx.req().getHeaders(name)));
    }
    return new HttpRequestParts(ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.req().getQueryString(), headers, body);
  }

  /** Reads at most the limit and one byte more: a body without a declared length is cut off there. */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > maxBodyBytes) {
        drain(in);
        throw ProtocolErrors.tooLarge(maxBodyBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Reads and discards what is left of a refused body, up to {@link #DRAIN_BYTES}: a connection
   * closed with unread bytes is reset, and the reset can reach the client before the 413 does,
   * leaving it with no answer at all. A larger remainder is not waited for; that connection closes.
   */
  private static void drain(InputStream in) {
    byte[] sink = new byte[16 * 1024];
    try {
      long left = DRAIN_BYTES;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) != -1; ) {
        left -= n;
      }
    } catch (IOException gone) {
      // the client stopped sending: nothing more to drain
    }
  }

  private static JsonNode parse(byte[] body) {
    if (isBlank(body)) {
      return JsonNodeFactory.instance.objectNode(); // an operation without input may send nothing
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProtocolErrors.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ProtocolErrors.serialization("The request body could not be read: " + e.getMessage());
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
