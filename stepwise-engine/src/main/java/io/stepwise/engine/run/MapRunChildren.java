package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.itemdata.ChildRun;
import io.stepwise.engine.itemdata.MapRunIdentity;
import io.stepwise.engine.step.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Distributed Map's {@link FanOut} knows of each of its children, which are executions of
 * their own: the one it waits for, how many times redrives of the run ran it again, how it failed
 * or whether it was stopped (for the ResultWriter), and how many the run's redrive has yet to run
 * again. The fan decides when a child starts; this says what its start is.
 */
final class MapRunChildren {
  private final FanOut fan;
  private final MapRun run;
  private final List<JsonNode> inputs;
  private StateMachine machine;
  /** The child each index waits for; null when none runs. */
  private final PendingChild[] running;
  /** -1 until the child first starts, then how many times a redrive of the run ran it again. */
  private final int[] redrives;
  private final boolean[] failed;
  private final boolean[] aborted;
  private final String[] errors;
  private final String[] causes;
  private int pendingRedrive;
  private long pendingRedriveItems;

  MapRunChildren(FanOut fan, MapRun run, List<JsonNode> inputs) {
    this.fan = fan;
    this.run = run;
    this.inputs = inputs;
    int n = inputs.size();
    this.running = new PendingChild[n];
    this.redrives = new int[n];
    java.util.Arrays.fill(redrives, -1);
    this.failed = new boolean[n];
    this.aborted = new boolean[n];
    this.errors = new String[n];
    this.causes = new String[n];
  }

  /**
   * The child's start: a first one, or, when it ran before and did not succeed, the run's redrive
   * of it ({@code StartChildExecution.redriveCount} > 0). It sees none of the parent's variables.
   */
  PendingChild start(int i) {
    Execution exec = fan.parent.exec;
    MapState m = (MapState) fan.parent.state;
    if (machine == null) {
      machine = ItemProcessors.of(exec.machine, m);
    }
    ExecutionType type = "EXPRESS".equals(m.executionType()) ? ExecutionType.EXPRESS : ExecutionType.STANDARD;
    MapRunIdentity id = run.identity();
    ExecutionRecord record = new ExecutionRecord(id.childArn(i, type == ExecutionType.EXPRESS), id.childName(i), id.childMachineArn(),
        id.childMachineName(), type, false, exec.info.payloadLimit, machine.definitionSha256(), exec.info.record().testCase());
    int items = run.itemsOf(inputs.get(i));
    failed[i] = false;
    aborted[i] = false;
    if (++redrives[i] > 0) {
      pendingRedrive--;
      pendingRedriveItems -= items;
      run.changed();
    }
    PendingChild c = new PendingChild(fan,
        new Command.StartChildExecution(id.arn(), m.name(), i, record, machine, inputs.get(i), exec.info.roleArn, items, redrives[i]));
    running[i] = c;
    return c;
  }

  /** The child's end of an attempt before the one asked for: the same start is asked for again. */
  PendingChild again(PendingChild c) {
    PendingChild again = new PendingChild(fan, c.command);
    running[c.index()] = again;
    return again;
  }

  void ended(int i) {
    running[i] = null;
  }

  void failed(int i, String error, String cause) {
    failed[i] = true;
    errors[i] = error;
    causes[i] = cause;
  }

  /** Stops every child still running: its end is no longer wanted, and it counts as aborted. */
  void stopAll() {
    for (int i = 0; i < running.length; i++) {
      if (running[i] != null) {
        fan.parent.exec.stopChild(running[i]);
        running[i] = null;
        aborted[i] = true;
      }
    }
  }

  /** A redrive of the run: these children run again; those of them that ran before are pending a redrive until they do. */
  void redriving(int[] todo) {
    pendingRedrive = 0;
    pendingRedriveItems = 0;
    for (int i : todo) {
      if (redrives[i] >= 0) {
        pendingRedrive++;
        pendingRedriveItems += run.itemsOf(inputs.get(i));
      }
    }
  }

  /** DescribeMapRun's pendingRedrive: the children that ran before and that the run's redrive has not run again yet. */
  int pendingRedrive() {
    return pendingRedrive;
  }

  long pendingRedriveItems() {
    return pendingRedriveItems;
  }

  /**
   * What became of each child so far: succeeded, failed, aborted if running or stopped, pending if
   * never started. Each entry is made when it is read, its output read back from the results, so
   * the ResultWriter goes through 100,000 children without holding them all as trees.
   */
  List<ChildRun> runs(Results results) {
    boolean express = "EXPRESS".equals(((MapState) fan.parent.state).executionType());
    return new java.util.AbstractList<>() {
      @Override
      public ChildRun get(int i) {
        ChildRun.Status status = redrives[i] < 0 ? ChildRun.Status.PENDING
            : running[i] != null || aborted[i] ? ChildRun.Status.ABORTED
            : failed[i] ? ChildRun.Status.FAILED : ChildRun.Status.SUCCEEDED;
        String error = status == ChildRun.Status.ABORTED ? "States.Aborted" : errors[i];
        return new ChildRun(i, run.identity().childArn(i, express), status, inputs.get(i),
            status == ChildRun.Status.SUCCEEDED ? results.get(i) : null, error, causes[i], Math.max(0, redrives[i]));
      }

      @Override
      public int size() {
        return inputs.size();
      }
    };
  }
}
