package io.stepwise.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.TestServer;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bugs, the bound on requests in flight, virtual threads, and a stop that lets requests finish. */
class LifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aBugIsAnInternalFailureWithoutItsStackTrace() throws Exception {
    try (TestServer t = new TestServer(b -> b.operation(s -> new TestOperation(() -> {
      throw new IllegalStateException("secret detail");
    })))) {
      HttpResponse<String> r = t.post("AWSStepFunctions.StartExecution", "{}");
      assertThat(r.statusCode()).isEqualTo(500);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("__type").asText()).isEqualTo("InternalFailure");
      assertThat(body.path("message").asText()).contains(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
      assertThat(r.body()).doesNotContain("secret detail").doesNotContain("IllegalStateException").doesNotContain("at io.");
    }
  }

  @Test
  void operationsRunOnVirtualThreads() throws Exception {
    boolean[] virtual = new boolean[1];
    try (TestServer t = new TestServer(b -> b.operation(s -> new TestOperation(() -> virtual[0] = Thread.currentThread().isVirtual())))) {
      assertThat(t.post("AWSStepFunctions.StartExecution", "{}").statusCode()).isEqualTo(200);
      assertThat(virtual[0]).isTrue();
    }
  }

  @Test
  void beyondTheBoundARequestIsThrottledNotQueued() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(ServerLimits.defaults().withMaxInFlightRequests(1));
    try (TestServer t = new TestServer(config, b -> b.operation(s -> new TestOperation(() -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    })))) {
      CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> post(t, "AWSStepFunctions.StartExecution"));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> throttled = t.post("AWSStepFunctions.ListStateMachines", "{}");
      assertThat(throttled.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(throttled.body()).path("__type").asText()).isEqualTo("ThrottlingException");
      assertThat(JSON.readTree(throttled.body()).path("message").asText()).isEqualTo("Rate exceeded");
      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(t.post("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void stopLetsTheRequestsUnderWayFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestServer t = new TestServer(b -> b.operation(s -> new TestOperation(() -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    })));
    CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> post(t, "AWSStepFunctions.StartExecution"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(t::close);
    Thread.sleep(200);
    assertThat(stopping).as("stop waits for the request under way").isNotDone();
    release.countDown();
    HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("done").asText()).isEqualTo("yes");
    stopping.get(10, TimeUnit.SECONDS);
    // and then nothing listens any more
    Throwable refused = null;
    try {
      t.post("AWSStepFunctions.ListStateMachines", "{}");
    } catch (ConnectException e) {
      refused = e;
    }
    assertThat(refused).isNotNull();
  }

  @Test
  void theGraceIsBounded() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ServerConfig config = ServerConfig.defaults().withPort(0)
        .withLimits(ServerLimits.defaults().withShutdownGrace(Duration.ofMillis(200)));
    TestServer t = new TestServer(config, b -> b.operation(s -> new TestOperation(() -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    })));
    CompletableFuture.supplyAsync(() -> post(t, "AWSStepFunctions.StartExecution"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    t.close();
    release.countDown();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  private static HttpResponse<String> post(TestServer t, String target) {
    try {
      return t.post(target, "{}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
