package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The state of one evaluation: its bounds, its source of randomness and time, and what the
 * library's evaluation callbacks observed.
 *
 * <p>The library calls an entry and an exit callback around every node it evaluates. They count
 * the nesting depth, count the work done, refuse oversized strings and arrays as soon as a node
 * produces one, and remember the last node's raw result: the library turns a top-level JSON null
 * into Java null on the way out, so that raw result is how {@code null} is told apart from
 * nothing. The functions Stepwise adds find the evaluation through {@link #current()}, a
 * thread-local that is set only while the evaluation runs on its thread.
 */
final class Evaluation implements Jsonata.EntryCallback, Jsonata.ExitCallback {
  private static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();

  final JsonataLimits limits;
  private final RandomGenerator random;
  private final InstantSource clock;
  private int depth;
  private long steps;
  private long nowMillis = Long.MIN_VALUE;

  /** The last result the exit callback saw: the root's, once evaluation returns. */
  Object lastResult;

  /** Set when the expression changed a container converted from the input. */
  boolean mutated;

  private Evaluation previous;

  Evaluation(JsonataLimits limits, RandomGenerator random, InstantSource clock) {
    this.limits = limits;
    this.random = random;
    this.clock = clock;
  }

  /** The evaluation running on this thread; only Stepwise's own functions call this. */
  static Evaluation current() {
    Evaluation e = CURRENT.get();
    if (e == null) {
      throw new IllegalStateException("no JSONata evaluation is running on this thread");
    }
    return e;
  }

  void open(Jsonata.Frame frame) {
    frame.setEvaluateEntryCallback(this);
    frame.setEvaluateExitCallback(this);
    previous = CURRENT.get();
    CURRENT.set(this);
  }

  void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  RandomGenerator random() {
    return random;
  }

  /** The time $now() and $millis() report: read once, so every call in one evaluation agrees. */
  long nowMillis() {
    if (nowMillis == Long.MIN_VALUE) {
      nowMillis = clock.millis();
    }
    return nowMillis;
  }

  /** The library's entry callback: one node deeper. */
  @Override
  public void callback(Parser.Symbol expr, Object input, Jsonata.Frame environment) {
    if (!environment.isParallelCall && ++depth > limits.maxDepth()) {
      throw JsonataBoundException.stackOverflow();
    }
    tick();
  }

  /** The library's exit callback: one node shallower, with its result. */
  @Override
  public void callback(Parser.Symbol expr, Object input, Jsonata.Frame environment, Object result) {
    if (!environment.isParallelCall) {
      depth--;
    }
    lastResult = result;
    if (result instanceof String s) {
      checkStringLength(s.length());
    } else if (result instanceof List<?> l) {
      checkArrayLength(l.size());
    } else if (result instanceof Map<?, ?> m) {
      checkArrayLength(m.size());
    }
    tick();
  }

  /** One more node entered or left: work, counted rather than timed, so a replay decides the same. */
  private void tick() {
    if (++steps > 2 * limits.maxSteps()) {
      throw JsonataBoundException.timeout();
    }
  }

  /** The work done so far, in nodes entered and left (for tests that calibrate the bound). */
  long steps() {
    return steps;
  }

  void checkArrayLength(long length) {
    if (length > limits.maxArrayLength()) {
      throw JsonataBoundException.memory();
    }
  }

  void checkStringLength(long length) {
    if (length > limits.maxStringLength()) {
      throw JsonataBoundException.memory();
    }
  }
}
