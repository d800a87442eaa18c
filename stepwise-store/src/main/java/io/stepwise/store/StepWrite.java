package io.stepwise.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.codec.HistoryText;
import java.util.List;
import java.util.Objects;

/**
 * One step of an execution, to be stored before any of its commands is carried out.
 *
 * <p>{@code eventsBefore} is the optimistic-concurrency check: the write is refused ({@link
 * WriteResult.Reason#STALE}) unless the stored history holds exactly that many events, so two
 * drivers of one execution (a restarted node and a slow one) cannot both append. The step's events
 * must be numbered on from there ({@code eventsBefore + 1}, ...), as the engine numbers them.
 *
 * @param input what the step was given; with the step's commands it decides the derived rows
 *     (timers, tasks, tokens: {@link DerivedRows})
 * @param status the execution's status after the step
 * @param output its output as JSON text, once SUCCEEDED; else null
 * @param error its error once FAILED, TIMED_OUT or ABORTED (may be null); else null
 * @param cause its cause, likewise
 * @param stopDate epoch millis of its end; null while RUNNING
 * @param childEnding the end of a Distributed Map child (or the UpdateMapRun) this step delivered,
 *     kept for the parent's replay; null for any other step
 * @param eventTexts the step's events as a store keeps them ({@link HistoryText}), one per event:
 *     rendered where the write is made (a request's thread), not by the one thread that commits
 */
public record StepWrite(
    String executionArn,
    long eventsBefore,
    StepInput input,
    Step step,
    ExecutionStatus status,
    String output,
    String error,
    String cause,
    Long stopDate,
    ChildEnding childEnding,
    List<String> eventTexts) implements Write {

  /** A write whose events are rendered here. */
  public StepWrite(String executionArn, long eventsBefore, StepInput input, Step step, ExecutionStatus status, String output,
      String error, String cause, Long stopDate, ChildEnding childEnding) {
    this(executionArn, eventsBefore, input, step, status, output, error, cause, stopDate, childEnding,
        HistoryText.encode(Objects.requireNonNull(step, "step").events()));
  }

  public StepWrite {
    Objects.requireNonNull(executionArn, "executionArn");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    if (eventsBefore < 0) {
      throw new IllegalArgumentException("eventsBefore must not be negative: " + eventsBefore);
    }
    // cheap here, and a gap or an overlap would make the stored history unreadable by replay
    List<HistoryEvent> events = step.events();
    if (eventTexts == null || eventTexts.size() != events.size()) {
      throw new IllegalArgumentException("A step of " + executionArn + " needs one text per event");
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).id() != eventsBefore + i + 1) {
        throw new IllegalArgumentException("The step's events of " + executionArn + " must be numbered from " + (eventsBefore + 1)
            + " on: event " + i + " has id " + events.get(i).id());
      }
    }
    if ((status == ExecutionStatus.RUNNING) != (stopDate == null)) {
      throw new IllegalArgumentException("A stop date is given exactly when the execution has ended (" + status + ")");
    }
  }

  /**
   * The ExecutionRedriven event of a redrive step ({@link StepInput.Redrive}), or null for any
   * other: its count and time become the row's redrive count and date.
   */
  public HistoryEvent redriven() {
    if (input instanceof StepInput.Redrive) {
      for (HistoryEvent e : step.events()) {
        if (e.details() instanceof EventDetails.ExecutionRedriven) {
          return e;
        }
      }
    }
    return null;
  }

  /** How many times the execution was redriven once this redrive step is stored; call only when {@link #redriven()} is not null. */
  public int redriveCount() {
    return ((EventDetails.ExecutionRedriven) redriven().details()).redriveCount();
  }

  /** The number of events the history holds after this step. */
  public long eventsAfter() {
    return eventsBefore + step.events().size();
  }

  /**
   * The write of a step as the engine returned it: status, output, error, cause and stop date are
   * read from its Finish command and its last event; a {@link StepInput.MapRunInput} (a child's
   * end, an UpdateMapRun) is kept as the {@link ChildEnding} its replay needs (after {@code eventsBefore} events, as the
   * engine counts it).
   */
  public static StepWrite of(String executionArn, long eventsBefore, StepInput input, Step step) {
    ChildEnding ending = input instanceof StepInput.MapRunInput m ? new ChildEnding(eventsBefore, m) : null;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    for (Command c : step.commands()) {
      if (c instanceof Command.Finish f) {
        status = f.status();
      }
    }
    if (status == ExecutionStatus.RUNNING) {
      return new StepWrite(executionArn, eventsBefore, input, step, status, null, null, null, null, ending);
    }
    List<HistoryEvent> events = step.events();
    if (events.isEmpty()) {
      throw new IllegalArgumentException("A step that finishes " + executionArn + " records its end event");
    }
    HistoryEvent last = events.get(events.size() - 1);
    String output = null;
    String error = null;
    String cause = null;
    switch (last.details()) {
      case EventDetails.ExecutionSucceeded s -> output = payload(s.output());
      case EventDetails.ExecutionEnded e -> {
        error = e.error();
        cause = e.cause();
      }
      default -> { }
    }
    return new StepWrite(executionArn, eventsBefore, input, step, status, output, error, cause, last.timestamp(), ending);
  }

  private static String payload(JsonNode v) {
    return v == null ? null : Json.write(v);
  }
}
