package io.stepwise.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns the history events of each step into the metrics AWS publishes to CloudWatch under
 * AWS/States, with AWS's names and dimensions (see docs/metrics.md for the Prometheus names).
 * Durations come from the events' timestamps, so each execution's start and the scheduled and
 * started times of its tasks under way are remembered until they end: what is kept is bounded
 * by the executions open, not by those that ran.
 *
 * <p>Called on the threads that store or drive steps, which must not wait: it only counts and
 * looks up maps. One execution's steps come one at a time, but many executions at once.
 */
public final class StepFunctionsMetrics {
  /** Micrometer's name of each metric: the prefix, then AWS's metric name unchanged. */
  static final String PREFIX = "stepwise.";
  static final String UNKNOWN = "unknown";
  /**
   * The histogram's buckets, from a quick task to an hour-long execution: few enough that a
   * series per state machine and per resource stays cheap to scrape (Micrometer's own percentile
   * histogram has about a hundred), enough for histogram_quantile.
   */
  private static final Duration[] BUCKETS = java.util.stream.Stream.of(
      "PT0.005S", "PT0.01S", "PT0.025S", "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S",
      "PT10S", "PT30S", "PT1M", "PT5M", "PT15M", "PT1H").map(Duration::parse).toArray(Duration[]::new);

  private final MeterRegistry registry;
  private final Map<String, Open> open = new ConcurrentHashMap<>();

  public StepFunctionsMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** What is remembered of an execution under way. */
  private static final class Open {
    long startedAt = -1;
    /** Tasks under way by the id of their Scheduled event and, once started, of their Started one too. */
    final Map<Long, TaskTrack> tasks = new HashMap<>();
  }

  private static final class TaskTrack {
    final TaskFamily family;
    final String arn;
    final long scheduledAt;
    long startedAt = -1;

    TaskTrack(TaskFamily family, String arn, long scheduledAt) {
      this.family = family;
      this.arn = arn;
      this.scheduledAt = scheduledAt;
    }
  }

  /** Notes one step's events of the execution with this ARN. */
  public void stepped(String executionArn, List<HistoryEvent> events) {
    String machine = stateMachineArn(executionArn);
    Open o = open.computeIfAbsent(executionArn, k -> new Open());
    synchronized (o) {
      for (HistoryEvent e : events) {
        note(machine, o, e);
        if (e.type().endsExecution()) {
          open.remove(executionArn);
        }
      }
    }
  }

  /** How many executions have something remembered (for tests: it must fall back when they end). */
  int remembered() {
    return open.size();
  }

  private void note(String machine, Open o, HistoryEvent e) {
    switch (e.type()) {
      case ExecutionStarted -> {
        o.startedAt = e.timestamp();
        count("ExecutionsStarted", "StateMachineArn", machine);
      }
      case ExecutionRedriven -> {
        o.startedAt = e.timestamp();
        count("ExecutionsRedriven", "StateMachineArn", machine);
      }
      case ExecutionSucceeded -> ended(machine, o, e, "ExecutionsSucceeded");
      case ExecutionFailed -> ended(machine, o, e, "ExecutionsFailed");
      case ExecutionAborted -> ended(machine, o, e, "ExecutionsAborted");
      case ExecutionTimedOut -> ended(machine, o, e, "ExecutionsTimedOut");
      default -> task(o, e);
    }
  }

  private void ended(String machine, Open o, HistoryEvent e, String counter) {
    count(counter, "StateMachineArn", machine);
    if (o.startedAt >= 0) {
      time("ExecutionTime", "StateMachineArn", machine, e.timestamp() - o.startedAt);
    }
  }

  private void task(Open o, HistoryEvent e) {
    TaskFamily family = TaskFamily.of(e.type());
    if (family == null) {
      return;
    }
    TaskFamily.Phase phase = TaskFamily.phase(e.type());
    if (phase == TaskFamily.Phase.SCHEDULED) {
      TaskTrack t = new TaskTrack(family, scheduledArn(e.details()), e.timestamp());
      o.tasks.put(e.id(), t);
      count(family.plural + "Scheduled", family.label, t.arn);
      return;
    }
    // a task's later events follow its earlier ones in its branch: previousEventId names them
    TaskTrack t = o.tasks.remove(e.previousEventId());
    String arn = t != null ? t.arn : endedArn(e.details());
    if (phase == TaskFamily.Phase.STARTED) {
      count(family.plural + "Started", family.label, arn);
      if (t != null) {
        t.startedAt = e.timestamp();
        o.tasks.put(e.id(), t);
        time(family.singular + "ScheduleTime", family.label, arn, t.startedAt - t.scheduledAt);
      }
      return;
    }
    count(family.plural + switch (phase) {
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed";
      default -> family == TaskFamily.ACTIVITY && isHeartbeat(e.details()) ? "HeartbeatTimedOut" : "TimedOut";
    }, family.label, arn);
    if (t != null) {
      if (t.startedAt >= 0) {
        time(family.singular + "RunTime", family.label, arn, e.timestamp() - t.startedAt);
      }
      time(family.singular + "Time", family.label, arn, e.timestamp() - t.scheduledAt);
    }
  }

  private static boolean isHeartbeat(EventDetails d) {
    return d instanceof EventDetails.LambdaFailed f && "States.HeartbeatTimeout".equals(f.error());
  }

  /** The resource a Scheduled event names, as AWS's dimension names it. */
  static String scheduledArn(EventDetails d) {
    return switch (d) {
      case EventDetails.ActivityScheduled a -> a.resource();
      case EventDetails.LambdaScheduled l -> l.resource();
      case EventDetails.TaskScheduled t -> serviceArn(t.resourceType(), t.resource());
      default -> UNKNOWN;
    };
  }

  /** The resource of a later event whose Scheduled one is not remembered (it came before a restart). */
  private static String endedArn(EventDetails d) {
    return switch (d) {
      case EventDetails.TaskStarted t -> serviceArn(t.resourceType(), t.resource());
      case EventDetails.TaskSucceeded t -> serviceArn(t.resourceType(), t.resource());
      case EventDetails.TaskFailed t -> serviceArn(t.resourceType(), t.resource());
      default -> UNKNOWN;
    };
  }

  /** {@code lambda} and {@code invoke} to {@code arn:aws:states:::lambda:invoke}, the resource as the definition wrote it. */
  static String serviceArn(String resourceType, String resource) {
    return "arn:aws:states:::" + resourceType + ":" + resource;
  }

  /**
   * The state machine an execution ARN names: {@code arn:aws:states:R:A:execution:M:N} (or
   * {@code express:}) to {@code arn:aws:states:R:A:stateMachine:M}. A Map Run's child execution
   * ({@code execution:M/label:N}) counts under its parent machine M. Anything else is kept whole.
   */
  static String stateMachineArn(String executionArn) {
    String[] p = executionArn.split(":", -1);
    if (p.length < 8 || !(p[5].equals("execution") || p[5].equals("express"))) {
      return executionArn;
    }
    String machine = p[6];
    int slash = machine.indexOf('/');
    if (slash >= 0) {
      machine = machine.substring(0, slash);
    }
    return String.join(":", p[0], p[1], p[2], p[3], p[4], "stateMachine", machine);
  }

  private void count(String name, String label, String value) {
    Counter.builder(PREFIX + name).tag(label, value).register(registry).increment();
  }

  private void time(String name, String label, String value, long millis) {
    Timer.builder(PREFIX + name).tag(label, value)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }
}
