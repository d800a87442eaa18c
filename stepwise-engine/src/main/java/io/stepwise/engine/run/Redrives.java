package io.stepwise.engine.run;

import io.stepwise.engine.RedriveRules;
import io.stepwise.engine.step.StepRefusedException;

/**
 * RedriveExecution inside the engine: whether the ended execution may go on, then on with it from
 * the states that did not succeed. What AWS documents, state by state: a Task is scheduled again,
 * a Choice evaluated again, a Wait waits again (a Timestamp in the past lets it go at once), a
 * Fail state is entered again; a Parallel runs again only the branches, an inline Map only the
 * iterations, that did not succeed (all of them when it failed with States.DataLimitExceeded);
 * retry counts and TimeoutSeconds start again. No state that succeeded runs again, and none is
 * entered again but a Fail state: the others had their Entered event and go on from it. A
 * Distributed Map redrives its Map Run ({@link MapRun#redrive}). The one Express execution taken
 * is a Map Run's child, which its run's redrive starts again from its first state.
 */
final class Redrives {
  private Redrives() {}

  static void redrive(Execution exec) {
    String reason = refusal(exec);
    if (reason != null) {
      throw new StepRefusedException(reason);
    }
    long redriven = exec.reopen();
    if (exec.info.type == io.stepwise.engine.ExecutionType.EXPRESS) {
      exec.restart(redriven); // a Map Run's Express child: the refusal lets no other Express execution here
      return;
    }
    exec.root.redrive(redriven);
  }

  /** Why the execution cannot be redriven now (AWS's words where AWS has them), or null. */
  static String refusal(Execution exec) {
    ExecutionInfo info = exec.info;
    if (info.type == io.stepwise.engine.ExecutionType.EXPRESS && info.mapRunChild()) {
      // a redrive of its Map Run starts it again, whatever its history or its age (AWS: always)
      return exec.isRunning() ? RedriveRules.RUNNING : exec.status == io.stepwise.engine.ExecutionStatus.SUCCEEDED
          ? RedriveRules.SUCCEEDED : null;
    }
    Long stop = exec.isRunning() || exec.events.isEmpty() ? null : exec.events.get(exec.events.size() - 1).timestamp();
    String reason = RedriveRules.notRedrivable(info.type, exec.status, info.startTime, stop, exec.events.size(), exec.now());
    if (reason != null) {
      return reason;
    }
    return exec.root == null ? null : exec.root.redriveRefusal();
  }
}
