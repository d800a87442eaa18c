package io.stepwise.integrations.lambda.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * One worker process of a command function: one invocation at a time, a request line on its
 * stdin and its response line on its stdout ({@link Protocol}); what it writes to stderr goes to
 * the log (and to the invocation's log tail). Its end while an invocation runs fails that
 * invocation with Runtime.ExitError, as Lambda fails an invocation whose runtime exits.
 */
final class Worker {
  /** An invocation in flight: its id, its result to come, the lines it logged. */
  private record Call(String id, CompletableFuture<Result> done, List<String> log) {}

  /** The invocation's result and its log lines. */
  record Result(InvokeResult result, List<String> log) {}

  private final String function;
  private final Process process;
  private final OutputStream stdin;
  private final Logger log;
  private final AtomicReference<Call> current = new AtomicReference<>();
  private volatile boolean ended;
  /** Completes when the worker says its handler is loaded ({@code {"ready":true}}), or when it ends. */
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile boolean stopping;

  private Worker(String function, Process process, Logger log) {
    this.function = function;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
  }

  static Worker start(String function, ProcessBuilder pb, Logger log) throws IOException {
    Worker w = new Worker(function, pb.start(), log);
    Thread.ofVirtual().name("lambda-" + function + "-stdout").start(w::readResponses);
    Thread.ofVirtual().name("lambda-" + function + "-stderr").start(w::readLog);
    return w;
  }

  /**
   * Waits until the worker has said it is ready (the protocol's optional {@code {"ready":true}}
   * line, which the helpers send once the handler is loaded) or has ended, at most {@code millis};
   * true when it said so in time. A worker that never says it waits the whole time.
   */
  boolean awaitReady(long millis) {
    try {
      ready.get(millis, TimeUnit.MILLISECONDS);
      return !ended;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return !ended && process.isAlive();
  }

  /** Sends one request; the future completes with its response, the worker's end, or its timeout ({@link #timeOut}). */
  CompletableFuture<Result> call(String id, String requestLine) {
    Call c = new Call(id, new CompletableFuture<>(), Collections.synchronizedList(new ArrayList<>()));
    current.set(c);
    try {
      synchronized (stdin) {
        stdin.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
    } catch (IOException e) {
      // the process is gone: its end is reported below, or by the reader if it sees it first
    }
    if (ended) {
      finish(c, LambdaErrors.exited(id, exitCode()));
    }
    return c.done();
  }

  /** The invocation {@code id} ran past its timeout: it fails so, and the worker is stopped (a new one serves the next call). */
  void timeOut(String id, InvokeResult timedOut) {
    Call c = current.get();
    if (c != null && c.id().equals(id) && finish(c, timedOut)) {
      log.warn("{}: invocation {} timed out; stopping its worker (pid {})", function, id, process.pid());
      ended = true;
      process.destroyForcibly();
    }
  }

  private boolean finish(Call c, InvokeResult r) {
    if (current.compareAndSet(c, null)) {
      return c.done().complete(new Result(r, List.copyOf(c.log())));
    }
    return false;
  }

  private void readResponses() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode msg = Protocol.parse(line);
        if (msg != null && msg.path("ready").asBoolean(false) && !msg.has("id")) {
          ready.complete(null);
          continue;
        }
        String id = msg == null ? null : msg.path("id").asText(null);
        Call c = current.get();
        if (c == null || id == null || !id.equals(c.id())) {
          log.warn("{}: ignored a line on the worker's stdout that answers no invocation in flight (stdout is the protocol's;"
              + " log to stderr): {}", function, abbreviate(line));
          continue;
        }
        finish(c, Protocol.result(msg, c.id()));
      }
    } catch (IOException e) {
      // the stream ends with the process
    }
    ended = true;
    ready.complete(null);
    int code = exitCode();
    Call c = current.get();
    if (c != null && finish(c, LambdaErrors.exited(c.id(), code)) && !stopping) {
      log.warn("{}: the worker (pid {}) ended with exit code {} during invocation {}", function, process.pid(), code, c.id());
    } else {
      log.debug("{}: the worker (pid {}) ended with exit code {}", function, process.pid(), code);
    }
  }

  private void readLog() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        log.info("{}: {}", function, line);
        Call c = current.get();
        if (c != null) {
          c.log().add(line);
        }
      }
    } catch (IOException e) {
      // the stream ends with the process
    }
  }

  private int exitCode() {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 128 + 9;
  }

  /** Closes its stdin (a worker ends when it reads the end), then stops it if it has not ended within the grace. */
  void stop(long graceMillis) {
    stopping = true;
    ended = true;
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** For the result of a call that was never sent (no worker could be started). */
  static Result notStarted(String id, String why) {
    return new Result(LambdaErrors.cannotStart(id, why), List.of());
  }
}
