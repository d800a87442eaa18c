package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.HistoryEvent;
import java.util.concurrent.ExecutorService;

/**
 * Advances one execution step by step until it ends: each step delivers one thing from outside
 * (a task's progress, a timer) and then runs the execution until every frame waits again. While
 * a recorded history remains, outside things are taken from it; after that, tasks run on
 * virtual threads and timers fire by the clock (or at once, with fast time).
 */
public final class Driver {
  /** With fast time, how long to let a running task finish before jumping to the next timer. */
  private static final long FAST_TIME_GRACE_MS = 50;

  private final Execution exec;
  private final Invocations invocations;
  private final ExecutorService executor;
  private final InFlightTasks inFlight = new InFlightTasks();
  private StepListener listener = StepListener.NONE;

  /** Told after each step, with the number of events the history then holds (tests stop executions there). */
  public interface StepListener {
    StepListener NONE = n -> true;

    /** Returns false to stop driving (the execution stays RUNNING, as after a crash). */
    boolean afterStep(int eventCount);
  }

  Driver(Execution exec, Invocations invocations, ExecutorService executor) {
    this.exec = exec;
    this.invocations = invocations;
    this.executor = executor;
  }

  Driver listener(StepListener l) {
    this.listener = l;
    return this;
  }

  void run(boolean start) throws InterruptedException {
    if (start) {
      exec.start();
    }
    exec.drain();
    if (!listener.afterStep(exec.events.size())) {
      return;
    }
    while (exec.isRunning()) {
      if (exec.replay != null && exec.replay.active()) {
        replayStep();
      } else if (!liveStep()) {
        return; // nothing can ever arrive: a callback nobody will send
      }
      exec.drain();
      if (exec.replay != null && !exec.replay.active()) {
        exec.skew = Math.max(exec.skew, exec.replay.lastTimestamp() - exec.config.clock().millis());
      }
      if (!listener.afterStep(exec.events.size())) {
        return;
      }
    }
  }

  private void replayStep() {
    exec.ensureDurationTimer();
    HistoryEvent next = exec.replay.peek();
    if (next.type().isExternal()) {
      deliverRecorded(next);
      return;
    }
    Timer t = exec.pollTimer();
    if (t == null) {
      throw new ReplayMismatchException(
          "The recorded history continues with event " + next.id() + " (" + next.type() + ") but the execution waits for nothing");
    }
    if (t.due() > next.timestamp()) {
      // what a timer causes is recorded at or after its due time: an earlier event means the
      // recording was made with another timer (a Wait of other seconds, another back-off)
      throw new ReplayMismatchException("The recorded history continues with event " + next.id() + " (" + next.type() + ") at "
          + Times.iso(next.timestamp()) + ", before the execution's next timer (" + t.kind() + ") is due at " + Times.iso(t.due()));
    }
    fire(t);
  }

  private void deliverRecorded(HistoryEvent e) {
    switch (e.type()) {
      case TaskStarted, LambdaFunctionStarted -> {
        PendingTask p = exec.pendingScheduled(e.previousEventId());
        if (p == null) {
          throw new ReplayMismatchException("Recorded event " + e.id() + " starts a task the execution did not schedule");
        }
        exec.ready(() -> start(p));
      }
      case TaskSucceeded, LambdaFunctionSucceeded -> {
        PendingTask p = started(e);
        JsonNode out =
            e.details() instanceof EventDetails.TaskSucceeded s ? s.output() : ((EventDetails.LambdaSucceeded) e.details()).output();
        p.frame.resume(() -> Tasks.succeeded(p, out));
      }
      case TaskFailed, LambdaFunctionFailed -> {
        PendingTask p = started(e);
        String error;
        String cause;
        if (e.details() instanceof EventDetails.TaskFailed f) {
          error = f.error();
          cause = f.cause();
        } else {
          EventDetails.LambdaFailed f = (EventDetails.LambdaFailed) e.details();
          error = f.error();
          cause = f.cause();
        }
        p.frame.resume(() -> Tasks.failed(p, error, cause));
      }
      default -> throw new ReplayMismatchException("Cannot replay recorded event " + e.id() + " (" + e.type() + ")");
    }
  }

  private PendingTask started(HistoryEvent e) {
    PendingTask p = exec.pendingStarted(e.previousEventId());
    if (p == null) {
      throw new ReplayMismatchException("Recorded event " + e.id() + " ends a task the execution has not started");
    }
    return p;
  }

  private void start(PendingTask p) {
    if (!p.done && p.frame.live()) {
      Tasks.started(p);
      exec.markStarted(p);
    }
  }

  /** One live step; false when the execution can never go on. */
  private boolean liveStep() throws InterruptedException {
    exec.ensureDurationTimer();
    boolean dispatched = false;
    for (PendingTask p : exec.pendingTasks()) {
      if (p.running == null && !p.awaitsCallback) {
        if (p.isCallback() && !invocations.answers(p)) {
          // nobody registered an answer: the task waits, as on AWS, for a callback or its timeouts
          p.awaitsCallback = true;
          start(p);
          continue;
        }
        if (p.startedEventId == 0) {
          start(p);
        }
        inFlight.dispatch(p, executor, invocations);
        dispatched = true;
      }
    }
    if (dispatched) {
      return true;
    }
    PendingTask.Outcome o = inFlight.next(0);
    if (o == null) {
      Timer t = exec.nextTimer();
      boolean running = inFlight.any();
      boolean onlyTheLimit = t != null && t.kind() == Timer.Kind.DURATION_LIMIT && exec.timerCount() == 1;
      if (t == null || (onlyTheLimit && (!running || exec.config.fastTime()))) {
        // Only the type's duration limit (a year for Standard) is left: fast time waits for the
        // tasks in flight rather than leap to it; with none in flight, only a callback that no
        // one will send could come, so the execution stops here, RUNNING.
        if (!running) {
          return false;
        }
        o = inFlight.next(-1);
      } else {
        long wait = exec.config.fastTime() ? (running ? FAST_TIME_GRACE_MS : 0) : t.due() - exec.now();
        if (wait > 0) {
          o = running ? inFlight.next(wait) : null;
          if (o == null && !running) {
            Thread.sleep(wait);
          }
        }
        if (o == null) {
          if (exec.config.fastTime() && t.due() > exec.now()) {
            exec.skew += t.due() - exec.now();
          }
          if (t.due() <= exec.now()) {
            fire(exec.pollTimer());
          }
          return true;
        }
      }
    }
    deliver(o);
    return true;
  }

  private void deliver(PendingTask.Outcome o) {
    PendingTask p = o.task();
    if (p.done) {
      return; // timed out or aborted meanwhile
    }
    if (o.error() == null) {
      p.frame.resume(() -> Tasks.succeeded(p, o.output()));
    } else {
      p.frame.resume(() -> Tasks.failed(p, o.error(), o.cause()));
    }
  }

  private void fire(Timer t) {
    Frame f = t.frame();
    switch (t.kind()) {
      case EXECUTION_TIMEOUT -> exec.ready(exec::timeOut);
      case DURATION_LIMIT -> exec.ready(exec::exceedDurationLimit);
      case WAIT -> f.resume(() -> {
        f.timer = null;
        f.waiting = false;
        States.waitDone(f);
      });
      case RETRY -> f.resume(() -> {
        f.timer = null;
        f.waiting = false;
        States.body(f);
      });
      case TASK_TIMEOUT, HEARTBEAT_TIMEOUT -> {
        PendingTask p = t.task();
        if (!p.done) {
          String error = t.kind() == Timer.Kind.TASK_TIMEOUT ? StatesErrors.TIMEOUT : StatesErrors.HEARTBEAT_TIMEOUT;
          f.resume(() -> {
            f.timer = null;
            Tasks.timedOut(p, error);
          });
        }
      }
    }
  }
}
