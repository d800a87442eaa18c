package io.stepwise.server.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /console/executions/events?executionArn=ARN[&after=ID]}: an execution's history as it
 * is stored, as server-sent events, for the console's execution page. Each {@code history} event
 * carries a batch of events as GetExecutionHistory shapes them (a JSON array) with the id of its
 * last one, so that a browser reconnecting with {@code Last-Event-ID} resumes where it was; {@code
 * end} ({@code {"status":"SUCCEEDED"}}) follows the last, and the stream closes. {@code after}
 * (default 0) starts after an event the page already has; {@code Last-Event-ID} wins over it.
 *
 * <p>The runtime tells each stored step ({@link io.stepwise.runtime.DurableRuntime#onStored}) on the
 * thread that stored it: here the step is only offered to each of the execution's streams' bounded
 * queues, and a stream whose queue is full (its client reads slower than the execution runs, or not
 * at all) is dropped; its browser reconnects and resumes from the store. Each stream writes from
 * its own virtual thread.
 */
public final class ExecutionStreams {
  static final String PATH = "/console/executions/events";
  /** How many streams may be open at once (each holds a connection and a thread). */
  public static final int MAX_STREAMS = 200;
  /** How many stored steps a stream may have waiting to be written before it is dropped. */
  static final int QUEUE_CAPACITY = 256;
  /** A comment this often keeps proxies and Jetty's idle timeout from closing a quiet stream. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  final Store store;
  final Duration heartbeat;
  final int queueCapacity;
  private final int maxStreams;
  private final ConsoleAccess access;
  private final Map<String, Set<ExecutionStream>> byExecution = new ConcurrentHashMap<>();
  private final Set<ExecutionStream> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger slots = new AtomicInteger();

  /**
   * @param access who may open a stream: anyone, or (with auth sigv4) the console's signed-in
   *     sessions, whose cookie a browser's EventSource sends
   */
  public ExecutionStreams(Store store, ConsoleAccess access, int maxStreams, int queueCapacity, Duration heartbeat) {
    if (maxStreams < 1 || queueCapacity < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("maxStreams and queueCapacity must be at least 1 and the heartbeat positive");
    }
    this.store = store;
    this.access = access;
    this.maxStreams = maxStreams;
    this.queueCapacity = queueCapacity;
    this.heartbeat = heartbeat;
  }

  /** Adds the route; its streams are ended when the server stops. */
  void install(JavalinConfig cfg) {
    cfg.routes.get(PATH, this::open);
    cfg.events.serverStopping(this::closeAll);
  }

  /** The runtime's {@link io.stepwise.runtime.DurableRuntime.StepListener}: never blocks. */
  public void stored(String executionArn, List<HistoryEvent> events, int redriveCount) {
    Set<ExecutionStream> streams = byExecution.get(executionArn);
    if (streams != null) {
      for (ExecutionStream s : streams) {
        s.offer(events);
      }
    }
  }

  /** How many streams are open now. */
  public int openStreams() {
    return open.size();
  }

  private void open(Context ctx) {
    String arn = ctx.queryParam("executionArn");
    try {
      access.console(ctx); // with auth sigv4: the console's session (an EventSource sends its cookie)
    } catch (ConsoleAccess.Refused e) {
      refuse(ctx, e.getStatus(), e.getMessage());
      return;
    }
    if (arn == null || arn.isBlank()) {
      refuse(ctx, 400, "executionArn is required: GET " + PATH + "?executionArn=ARN");
      return;
    }
    try {
      Arns.parseStates(arn, "execution", "express");
    } catch (ApiException e) {
      refuse(ctx, 400, "executionArn is not an execution's ARN: " + e.getMessage());
      return;
    }
    long after;
    try {
      after = after(ctx);
    } catch (IllegalArgumentException e) {
      refuse(ctx, 400, e.getMessage());
      return;
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      refuse(ctx, 406, "This is a stream of server-sent events: ask with Accept: text/event-stream");
      return;
    }
    if (store.execution(arn).isEmpty()) {
      ctx.attribute(io.stepwise.server.protocol.AwsJsonEndpoint.OWN_NOT_FOUND, true);
      refuse(ctx, 404, "Execution Does Not Exist: '" + arn + "'");
      return;
    }
    if (slots.incrementAndGet() > maxStreams) {
      slots.decrementAndGet();
      ctx.header("Retry-After", "10");
      refuse(ctx, 503, "At most " + maxStreams + " execution event streams are served at once; close a console page or try again later");
      return;
    }
    ExecutionStream stream = new ExecutionStream(this, arn, after);
    try {
      new SseHandler(stream::start).handle(ctx);
    } catch (RuntimeException e) {
      closed(stream);
      throw e;
    }
  }

  /** Where the stream starts: after Last-Event-ID (a reconnection), else after {@code after}, else from the first event. */
  private static long after(Context ctx) {
    String header = ctx.header("Last-Event-ID");
    String name = header != null && !header.isBlank() ? "Last-Event-ID" : "after";
    String value = header != null && !header.isBlank() ? header : ctx.queryParam("after");
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(name + " must be an event id (a whole number, 0 or more), not '" + value + "'");
  }

  /** Told the stream's steps from here on; before it reads the store, so that no step falls between the two. */
  void follow(ExecutionStream s) {
    open.add(s);
    byExecution.computeIfAbsent(s.executionArn, a -> ConcurrentHashMap.newKeySet()).add(s);
  }

  /** No longer told its steps (dropped, ended, or its client went); non-blocking, so the runtime's thread may call it. */
  void unfollow(ExecutionStream s) {
    byExecution.computeIfPresent(s.executionArn, (a, set) -> set.remove(s) && set.isEmpty() ? null : set);
  }

  /** The stream has ended (or never started): its slot is free again; once for each stream. */
  void closed(ExecutionStream s) {
    unfollow(s);
    open.remove(s);
    if (s.release()) {
      slots.decrementAndGet();
    }
  }

  /** Ends every stream (the server stops). */
  void closeAll() {
    for (ExecutionStream s : open) {
      s.stop();
    }
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
  }
}
