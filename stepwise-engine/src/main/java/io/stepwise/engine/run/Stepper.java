package io.stepwise.engine.run;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.engine.step.TimerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Advances one execution by one input at a time and says what happened as data: the events the
 * step appended and the commands its driver is to carry out (tasks to call, timers to set or
 * cancel, the end). It holds no thread and calls nothing outside the engine; whoever drives it
 * stores each step's events and commands before acting on them.
 */
public final class Stepper {
  private final Execution exec;
  /** The timers announced to the driver, by id, with the due time announced; made on the first: most executions set none. */
  private Map<Long, Long> announcedTimers;
  private int eventsSeen;

  Stepper(Execution exec) {
    this.exec = exec;
  }

  Execution execution() {
    return exec;
  }

  public ExecutionStatus status() {
    return exec.status;
  }

  public String executionArn() {
    return exec.info.executionArn;
  }

  /** What to store with the history so that the execution can be resumed as it is. */
  public io.stepwise.engine.ExecutionRecord record() {
    return exec.info.record();
  }

  /** One step: the input, then every state it lets run until each branch waits again. */
  public Step step(StepInput input) {
    boolean started = !exec.events.isEmpty();
    if (started != !(input instanceof StepInput.Start)) {
      throw new StepRefusedException(started
          ? "The execution " + exec.info.executionArn + " has already started"
          : "The execution " + exec.info.executionArn + " has not started: its first input is Start");
    }
    boolean redrive = input instanceof StepInput.Redrive;
    if (!exec.isRunning() && !redrive) {
      throw new StepRefusedException("The execution " + exec.info.executionArn + " has ended (" + exec.status + "); it takes no more input");
    }
    exec.beginStep();
    switch (input) {
      case StepInput.Start s -> exec.start();
      case StepInput.Redrive r -> Redrives.redrive(exec);
      case StepInput.Continue c -> { }
      case StepInput.Stop stop -> exec.abort(stop.error(), stop.cause());
      case StepInput.CallbackSucceeded cb -> {
        PendingTask p = awaitedToken(cb.taskToken());
        p.frame.resume(() -> Tasks.succeeded(p, cb.output()));
      }
      case StepInput.CallbackFailed cb -> {
        PendingTask p = awaitedToken(cb.taskToken());
        p.frame.resume(() -> Tasks.failed(p, cb.error(), cb.cause()));
      }
      case StepInput.Heartbeat hb -> Tasks.heartbeat(awaitedToken(hb.taskToken()));
      case StepInput.ActivityStarted a -> {
        PendingTask p = exec.isRunning() ? exec.activityWaitingForWorker(a.taskToken()) : null;
        if (p == null) {
          throw new StepRefusedException("No activity task of " + exec.info.executionArn + " with the task token '" + a.taskToken()
              + "' waits for a worker: it was taken already, has ended, or never was");
        }
        Tasks.started(p, a.workerName());
      }
      case StepInput.TaskSucceeded t -> {
        PendingTask p = awaited(t.scheduledEventId());
        if (p.submitted) {
          throw new StepRefusedException("The task scheduled by event " + t.scheduledEventId()
              + " was handed on (TaskSubmitted): its outcome comes by its task token");
        }
        p.frame.resume(() -> Tasks.succeeded(p, t.output()));
      }
      case StepInput.TaskSubmitted t -> {
        PendingTask p = awaited(t.scheduledEventId());
        if (!p.isCallback() || p.submitted) {
          throw new StepRefusedException("The task scheduled by event " + t.scheduledEventId()
              + (p.submitted ? " was handed on already" : " is not a .waitForTaskToken task") + ": it takes no TaskSubmitted");
        }
        Tasks.submitted(p, t.output());
      }
      case StepInput.TaskFailed t -> {
        PendingTask p = awaited(t.scheduledEventId());
        p.frame.resume(() -> Tasks.failed(p, t.error(), t.cause()));
      }
      case StepInput.ChildExecutionEnded ended -> {
        PendingChild c = exec.runningChild(ended.executionArn());
        if (c == null) {
          throw new StepRefusedException("No child execution " + ended.executionArn() + " of " + exec.info.executionArn
              + " is running: it ended, was stopped (StopChildExecution), or never was");
        }
        exec.childEnded(c, ended);
        exec.ready(() -> c.fan.childExecutionEnded(c, ended));
      }
      case StepInput.UpdateMapRun u -> {
        MapRun run = exec.runningMapRun(u.mapRunArn());
        if (run == null) {
          throw new StepRefusedException("No Map Run " + u.mapRunArn() + " of " + exec.info.executionArn + " is running: it has ended, or never was");
        }
        exec.received(u);
        exec.ready(() -> run.update(u));
      }
      case StepInput.TimerFired f -> {
        Timer t = exec.timers.remove(f.timerId());
        if (t == null) {
          throw new StepRefusedException("No timer " + f.timerId() + " is set: it fired or was cancelled (CancelTimer)");
        }
        if (announcedTimers != null) {
          announcedTimers.remove(f.timerId());
        }
        fire(t);
      }
    }
    exec.drain();
    return collect();
  }

  /** The timer fired: what it was waiting for goes on. */
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
          String error = t.kind() == TimerKind.TASK_TIMEOUT ? StatesErrors.TIMEOUT : StatesErrors.HEARTBEAT_TIMEOUT;
          f.resume(() -> {
            if (t.kind() == TimerKind.TASK_TIMEOUT) {
              f.timer = null; // it fired; settling cancels the heartbeat's
            } else {
              p.heartbeatTimer = null; // it fired; settling cancels the task timeout
            }
            Tasks.timedOut(p, error);
          });
        }
      }
    }
  }

  /** The task an outcome is for; refused when it has ended (timed out, aborted) or never was. */
  private PendingTask awaited(long scheduledEventId) {
    PendingTask p = exec.pendingScheduled(scheduledEventId);
    if (p == null || p.done || p.startedEventId == 0) {
      throw new StepRefusedException("No task scheduled by event " + scheduledEventId
          + " waits for an outcome: it has ended (timed out, or its branch stopped: CancelTask) or was never scheduled");
    }
    return p;
  }

  /**
   * What this execution's Map Runs have received from outside (children's ends, UpdateMapRun), with
   * when: store them with its history. Empty after {@link #storesInputsItself}.
   */
  public java.util.List<io.stepwise.engine.ChildEnding> childEndings() {
    return exec.childEndings();
  }

  /**
   * The caller stores every input it steps (as the durable runtime does), so the stepper need not
   * keep the Map Runs' inputs for {@link #childEndings}: a Distributed Map of 100,000 children
   * would otherwise hold every child's output in memory until the execution ends.
   */
  public Stepper storesInputsItself() {
    exec.forgetChildEndings();
    return this;
  }

  /** How many times the execution was redriven. */
  public int redriveCount() {
    return exec.info.redriveCount();
  }

  /** Why the execution cannot be redriven now (AWS's words where AWS has them), or null when a {@code Redrive} would be taken. */
  public String redriveRefusal() {
    return Redrives.refusal(exec);
  }

  /** Whether a task of this execution waits for a callback with this token (else SendTask* has nothing to answer). */
  public boolean awaits(String taskToken) {
    return exec.isRunning() && exec.pendingByToken(taskToken) != null;
  }

  private PendingTask awaitedToken(String token) {
    PendingTask p = exec.isRunning() ? exec.pendingByToken(token) : null;
    if (p == null) {
      throw new StepRefusedException("No task of " + exec.info.executionArn + " waits for the task token '" + token + "'");
    }
    return p;
  }

  private Step collect() {
    List<Command> commands = new ArrayList<>();
    if (exec.isRunning()) {
      exec.ensureDurationTimer();
      for (PendingTask p : exec.hasPendingTasks() ? exec.pendingTasks() : List.<PendingTask>of()) {
        if (!p.announced && !p.done && p.frame.live()) {
          if (TaskEvents.of(p.kind).startsWhenScheduled() || p.mock != null) {
            // started in the step that scheduled it, so a stored step never leaves a task half-begun
            // (a mocked activity too: no worker takes it, its mock answers at once)
            Tasks.started(p, null);
          }
          p.announced = true;
          commands.add(new Command.ScheduleTask(p.scheduledEventId, p.kind, p.request, p.mock));
        }
      }
    }
    for (PendingTask p : exec.takeCancelledTasks()) {
      commands.add(new Command.CancelTask(p.scheduledEventId, p.kind, p.request, p.mock));
    }
    for (PendingChild c : exec.takeNewChildren()) {
      c.announced = true;
      commands.add(c.command);
    }
    for (PendingChild c : exec.takeStoppedChildren()) {
      commands.add(new Command.StopChildExecution(c.arn()));
    }
    for (MapRun run : exec.takeChangedMapRuns()) {
      commands.add(new Command.PutMapRun(run.record()));
    }
    if (!exec.timers.all().isEmpty() || (announcedTimers != null && !announcedTimers.isEmpty())) {
      diffTimers(commands);
    }
    if (!exec.isRunning()) {
      commands.add(new Command.Finish(exec.status));
    } else if (exec.hasReadyWork()) {
      commands.add(new Command.Continue());
    }
    // a view, not a copy: the history only grows, so the range it shows never changes
    List<HistoryEvent> events = new EventRange(exec.events, eventsSeen, exec.events.size());
    eventsSeen = exec.events.size();
    return new Step(events, commands);
  }

  /** Timers set since the last step become StartTimer; announced ones that are gone, CancelTimer. */
  private void diffTimers(List<Command> commands) {
    if (announcedTimers == null) {
      announcedTimers = new HashMap<>();
    }
    Set<Long> live = new HashSet<>();
    for (Timer t : exec.timers.all()) {
      live.add(t.id());
      Long announced = announcedTimers.put(t.id(), t.due());
      if (announced == null || announced != t.due()) {
        commands.add(new Command.StartTimer(t.id(), t.kind(), t.due())); // new, or moved by a heartbeat
      }
    }
    for (Long id : new ArrayList<>(announcedTimers.keySet())) {
      if (!live.contains(id)) {
        announcedTimers.remove(id);
        commands.add(new Command.CancelTimer(id));
      }
    }
  }
}
