package io.stepwise.engine.run;

import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How the in-memory driver carries out a Distributed Map's children: each is an execution of its
 * own, driven by a driver of its own on the executor, whose end becomes the parent's next input.
 * Their results (histories included) are kept for the parent's result.
 */
final class ChildExecutions {
  private final Execution parent;
  private final Invocations invocations;
  private final ExecutorService executor;
  private final List<ExecutionResult> results = Collections.synchronizedList(new ArrayList<>());
  /** With fast time, how far the furthest child moved its clock ahead: the parent's clock follows. */
  private final AtomicLong furthestSkew = new AtomicLong(Long.MIN_VALUE);
  /** In-flight keys of the children, negative so they never meet a task's scheduled event id. */
  private final Map<String, Long> keys = new HashMap<>();
  private long lastKey;
  /** Children whose drivers are still running, stopped ones included: the parent's end waits for them to wind down. */
  private final java.util.concurrent.Phaser active = new java.util.concurrent.Phaser(1);
  /** Children the parent stopped, and the threads children run on: a stop reaches a child before or while it runs. */
  private final java.util.Set<String> stopped = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<String, Thread> threads = new java.util.concurrent.ConcurrentHashMap<>();
  /** What the children that cannot end wait for. */
  private final List<String> stuck = Collections.synchronizedList(new ArrayList<>());
  /** The children as they ended before (Engine.redrive's), by ARN: a redrive of their run redrives them from there. */
  private final Map<String, ExecutionResult> earlier;

  ChildExecutions(Execution parent, Invocations invocations, ExecutorService executor, Map<String, ExecutionResult> earlier) {
    this.parent = parent;
    this.invocations = invocations;
    this.executor = executor;
    this.earlier = earlier;
  }

  long key(String executionArn) {
    return keys.computeIfAbsent(executionArn, a -> --lastKey);
  }

  /** Runs the child to its end on the calling thread, as of the parent's clock now. */
  Supplier<StepInput> work(Command.StartChildExecution c) {
    long start = parent.now();
    long skew = parent.skew;
    active.register();
    return () -> {
      try {
        return run(c, start, skew);
      } finally {
        active.arriveAndDeregister();
      }
    };
  }

  private StepInput run(Command.StartChildExecution c, long start, long skew) {
    String arn = c.record().executionArn();
    Execution child;
    Driver driver;
    if (c.again()) {
      // a redrive of the run: the child is rebuilt from its history and redriven (an Express one starts again)
      ExecutionResult before = latest(arn); // the driver made sure there is one
      if (stopped.contains(arn)) {
        return ended(before, c.redriveCount()); // stopped before its redrive began: it stays as it ended
      }
      child = Runs.restored(parent.config, c.machine(), before.record(), List.copyOf(before.events()));
      driver = new Driver(child, invocations, executor).recordedEndings(before.childEndings()).earlierChildren(before.children())
          .redriveAfterReplay();
    } else {
      child = new Execution(c.machine(), parent.config, new ExecutionInfo(c.record(), c.roleArn(), c.input(), start), null);
      driver = new Driver(child, invocations, executor);
    }
    child.skew = Math.max(child.skew, skew);
    threads.put(arn, Thread.currentThread());
    try {
      if (stopped.contains(arn)) {
        driver.startStopped();
      } else {
        driver.run();
      }
    } catch (io.stepwise.engine.step.StepRefusedException notRedrivable) {
      // AWS: a child its run cannot redrive is not run again; its end stands, a failure of the run
      return ended(latest(arn), c.redriveCount());
    } catch (InterruptedException e) {
      driver.stop(); // the parent stopped it: it ends ABORTED, its tasks cancelled
    } finally {
      threads.remove(arn);
      Thread.interrupted(); // a stop that came as it ended is spent
    }
    furthestSkew.accumulateAndGet(child.skew, Math::max);
    ExecutionResult r = Runs.result(child, driver.children(), child.childEndings(), driver.childrenStuck());
    results.add(r);
    if (r.status() == ExecutionStatus.RUNNING) {
      stuck.add("the child execution " + r.executionArn() + " cannot end (" + r.waitingFor() + ")");
      return null;
    }
    return new StepInput.ChildExecutionEnded(c.record().executionArn(), r.status(), r.output(), r.error(), r.cause(),
        child.info.redriveCount());
  }

  /** The child's end as it stands, the answer to the redrive asked for. */
  private static StepInput ended(ExecutionResult r, int redriveCount) {
    return new StepInput.ChildExecutionEnded(r.executionArn(), r.status(), r.output(), r.error(), r.cause(), redriveCount);
  }

  /** Whether this driver ran the child already. */
  boolean ran(String arn) {
    synchronized (results) {
      return results.stream().anyMatch(r -> r.executionArn().equals(arn));
    }
  }

  /** The child's latest result: of this driver's runs, else as it ended before. */
  private ExecutionResult latest(String arn) {
    synchronized (results) {
      for (int i = results.size() - 1; i >= 0; i--) {
        if (results.get(i).executionArn().equals(arn)) {
          return results.get(i);
        }
      }
    }
    return earlier.get(arn);
  }

  /** The parent stopped the child: it ends ABORTED, at once if it runs, as it begins if it has not. */
  void stop(String executionArn) {
    stopped.add(executionArn);
    Thread t = threads.get(executionArn);
    if (t != null) {
      t.interrupt();
    }
  }

  /** Waits, a few seconds at most, for stopped children to record their end. */
  void awaitStopped() {
    try {
      active.awaitAdvanceInterruptibly(active.arrive(), 5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.TimeoutException e) {
      // a child that does not stop within seconds is left to finish on its own
    }
  }

  /** What the children that cannot end wait for; null when none. */
  String stuck() {
    synchronized (stuck) {
      return stuck.isEmpty() ? null : String.join("; ", stuck);
    }
  }

  /** With fast time, the parent's clock is never behind a child's that has ended. */
  void catchUpClock() {
    long s = furthestSkew.get();
    if (s > parent.skew) {
      parent.skew = s;
    }
  }

  /** The children that ended, in the order they ended. */
  List<ExecutionResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }
}
