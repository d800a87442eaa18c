package io.stepwise.server.logs;

import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.server.model.LogLevel;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.registry.Registry;
import io.stepwise.server.registry.StateMachineRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each execution's history as log lines, as its state machine's loggingConfiguration asks
 * (level, includeExecutionData, the log group), to a {@link LogDestination}. Told each step's
 * events ({@link #stepped}, the signature of the runtime's and the engine's step hooks); the
 * lines are made there, on the execution's thread, and written by one writer thread, so that a
 * slow disk never holds an execution up. As on AWS, logging is best effort: when the writer is
 * {@link #CAPACITY} lines behind, further lines are dropped and counted, and a warning says so.
 *
 * <p>The configuration is the state machine's as it is when the step is logged (an
 * UpdateStateMachine that turns logging on applies to the executions under way from their next
 * step); a Distributed Map's child executions log under their parent state machine's.
 */
public final class ExecutionLogs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionLogs.class);
  /** Lines waiting to be written, at most. */
  public static final int CAPACITY = 100_000;

  private record Line(String logGroupArn, String text) {}

  private static final Line END = new Line("", "");

  private final Registry registry;
  private final LogDestination destination;
  private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  public ExecutionLogs(Registry registry, LogDestination destination) {
    this.registry = registry;
    this.destination = destination;
    this.writer = Thread.ofPlatform().daemon().name("stepwise-execution-logs").start(this::writeLines);
  }

  /** Logs a step's events of the execution, if its state machine's configuration asks for any. */
  public void stepped(String executionArn, List<HistoryEvent> events, int redriveCount) {
    if (closed) {
      return;
    }
    Optional<LoggingConfiguration> config = configuration(executionArn);
    if (config.isEmpty() || config.get().level() == LogLevel.OFF || config.get().logGroupArns().isEmpty()) {
      return;
    }
    LoggingConfiguration c = config.get();
    String group = c.logGroupArns().get(0);
    for (HistoryEvent e : events) {
      if (LogLevels.writes(c.level(), e.type())) {
        Line line = new Line(group, LogLine.of(e, executionArn, redriveCount, c.includeExecutionData()));
        if (!queue.offer(line) && dropped.getAndIncrement() % 10_000 == 0) {
          log.warn("Execution logs are {} lines behind: lines are being dropped ({} so far)", CAPACITY, dropped.get());
        }
      }
    }
  }

  /** Lines dropped because the writer was too far behind. */
  public long dropped() {
    return dropped.get();
  }

  /** Lines written so far. */
  public long written() {
    return written.get();
  }

  private Optional<LoggingConfiguration> configuration(String executionArn) {
    String machineArn = stateMachineArn(executionArn);
    if (machineArn == null) {
      return Optional.empty();
    }
    return registry.read(v -> v.stateMachine(machineArn)).map(StateMachineRecord::revision).map(r -> r.logging());
  }

  /**
   * {@code arn:aws:states:R:A:execution:MACHINE:NAME} or {@code ...:express:MACHINE:NAME:ID} to
   * {@code arn:aws:states:R:A:stateMachine:MACHINE}; a Map Run child's {@code MACHINE/LABEL} to its
   * parent's machine. Null for anything else.
   */
  static String stateMachineArn(String executionArn) {
    String[] p = executionArn.split(":");
    if (p.length < 8 || !(p[5].equals("execution") || p[5].equals("express"))) {
      return null;
    }
    String machine = p[6];
    int slash = machine.indexOf('/');
    if (slash >= 0) {
      machine = machine.substring(0, slash);
    }
    return String.join(":", p[0], p[1], p[2], p[3], p[4], "stateMachine", machine);
  }

  private void writeLines() {
    List<Line> batch = new ArrayList<>();
    try {
      while (true) {
        Line first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 4096);
        boolean end = false;
        for (Line l : batch) {
          if (l == END) {
            end = true;
            break;
          }
          write(l);
        }
        batch.clear();
        flush();
        if (end) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(Line l) {
    try {
      destination.write(l.logGroupArn(), l.text());
      written.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      dropped.incrementAndGet();
      log.warn("An execution log line for {} could not be written: {}", l.logGroupArn(), e.toString());
    }
  }

  private void flush() {
    try {
      destination.flush();
    } catch (IOException e) {
      log.warn("Execution logs could not be flushed: {}", e.toString());
    }
  }

  /** Writes what is waiting (up to a few seconds), then closes the destination. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(END);
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      destination.close();
    } catch (IOException e) {
      log.warn("Execution logs could not be closed: {}", e.toString());
    }
  }
}
