package io.stepwise.server.console;

import io.javalin.http.sse.SseClient;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.store.ExecutionRow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream of one execution's history (see {@link ExecutionStreams}): the events the
 * store holds after where the client is, then each stored step as the runtime tells it, skipping
 * what was sent already and reading from the store any gap before a step, so that what the client
 * gets is the history in order, each event once.
 */
final class ExecutionStream {
  private static final Logger log = LoggerFactory.getLogger(ExecutionStream.class);
  /** Events read from the store per {@code history} event when catching up. */
  static final int PAGE = 500;

  final String executionArn;
  private final ExecutionStreams streams;
  private final BlockingQueue<List<HistoryEvent>> steps;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Thread writer;
  private SseClient client;
  // the writer's own: the last event sent
  private long lastSent;
  private EventType lastType;

  ExecutionStream(ExecutionStreams streams, String executionArn, long after) {
    this.streams = streams;
    this.executionArn = executionArn;
    this.lastSent = after;
    this.steps = new ArrayBlockingQueue<>(streams.queueCapacity);
  }

  /** {@code SseHandler}'s consumer, once the response's headers are out; the writing goes on on a virtual thread of its own. */
  void start(SseClient client) {
    this.client = client;
    client.keepAlive();
    client.onClose(this::stop); // a write failed (the client went), or the stream ended
    streams.follow(this);
    writer = Thread.ofVirtual().name("console-stream").start(this::run);
  }

  /** A stored step, on the runtime's thread: queued, or the stream dropped when its queue is full. */
  void offer(List<HistoryEvent> step) {
    if (!stopped && !steps.offer(step)) {
      // the client reads slower than the execution runs, or not at all: its browser reconnects
      // with Last-Event-ID and resumes from the store
      log.debug("A console stream of {} fell {} steps behind and is dropped", executionArn, steps.size());
      stop();
    }
  }

  /** Ends the stream soon, without waiting for it (any thread). */
  void stop() {
    stopped = true;
    streams.unfollow(this);
    Thread w = writer;
    if (w != null && w != Thread.currentThread()) {
      w.interrupt();
    }
  }

  /** True the first time only: the stream's slot is given back once. */
  boolean release() {
    return released.compareAndSet(false, true);
  }

  private void run() {
    try {
      if (catchUp()) {
        return;
      }
      while (!stopped && !client.terminated()) {
        List<HistoryEvent> step = steps.poll(streams.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        if (stopped || client.terminated()) {
          return;
        } else if (step == null) {
          client.sendComment("heartbeat");
          if (endedQuietly()) {
            return;
          }
        } else if (send(step)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // stopped: dropped, the client went, or the server stops
    } catch (RuntimeException e) {
      log.warn("A console stream of {} failed: {}", executionArn, e.toString());
    } finally {
      client.close();
      streams.closed(this);
    }
  }

  /** Sends what the store holds after the last event sent; true when the execution has ended (and {@code end} was sent). */
  private boolean catchUp() {
    Optional<ExecutionRow> row = streams.store.execution(executionArn);
    if (row.isEmpty()) {
      return true; // deleted (retention) since the stream was asked for
    }
    sendStored(Long.MAX_VALUE);
    if (row.get().status() != ExecutionStatus.RUNNING) {
      end(row.get().status().name()); // read before the history: every event of its end was in it
      return true;
    }
    return endedWithLast();
  }

  /**
   * On a quiet heartbeat: whether the execution ended (or went) without its last step reaching
   * this stream; never so while the runtime tells every step, but the stream must not outlive it.
   */
  private boolean endedQuietly() {
    Optional<ExecutionRow> row = streams.store.execution(executionArn);
    return row.isEmpty() || (row.get().status() != ExecutionStatus.RUNNING && catchUp());
  }

  /** A step told by the runtime; true when it ended the execution. */
  private boolean send(List<HistoryEvent> step) {
    if (step.getFirst().id() > lastSent + 1) {
      sendStored(step.getFirst().id()); // stored before this stream followed, or queued out of order
    }
    List<HistoryEvent> fresh = step.stream().filter(e -> e.id() > lastSent).toList();
    if (!fresh.isEmpty()) {
      write(fresh);
    }
    return endedWithLast();
  }

  private boolean endedWithLast() {
    if (lastType == null || !lastType.endsExecution()) {
      return false;
    }
    end(switch (lastType) {
      case ExecutionSucceeded -> "SUCCEEDED";
      case ExecutionTimedOut -> "TIMED_OUT";
      case ExecutionAborted -> "ABORTED";
      default -> "FAILED";
    });
    return true;
  }

  /** The stored events after the last sent and before {@code beforeId}, a page per {@code history} event. */
  private void sendStored(long beforeId) {
    while (true) {
      List<HistoryEvent> page = streams.store.history(executionArn, lastSent, PAGE, false).stream()
          .filter(e -> e.id() < beforeId).toList();
      if (page.isEmpty()) {
        return;
      }
      write(page);
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private void write(List<HistoryEvent> events) {
    HistoryEvent last = events.getLast();
    client.sendEvent("history", Json.write(HistoryJson.toJson(events)), Long.toString(last.id()));
    lastSent = last.id();
    lastType = last.type();
  }

  /** No id: a reconnection's Last-Event-ID stays the last event's. */
  private void end(String status) {
    client.sendEvent("end", "{\"status\":\"" + status + "\"}");
  }
}
