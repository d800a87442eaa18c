package io.stepwise.runtime;

import io.stepwise.engine.RedriveRules;
import io.stepwise.engine.step.Step;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Store;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * RedriveExecution for the runtime: AWS's checks on the stored row, the client tokens, and the
 * redrive step itself, which the execution's actor takes like any other input (rebuilding the
 * ended execution from the store first). One redrive of an execution at a time, so that a retried
 * request finds the token its first try stored.
 */
final class Redriver {
  private final Store store;
  private final InstantSource clock;
  /** Steps the execution's Redrive input and waits until the step is stored. */
  private final Function<String, Step> redriveStep;
  private final RedriveTokens tokens = new RedriveTokens();
  private final ReentrantLock[] locks = new ReentrantLock[64];

  Redriver(Store store, InstantSource clock, Function<String, Step> redriveStep) {
    this.store = store;
    this.clock = clock;
    this.redriveStep = redriveStep;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  long redrive(String executionArn, String clientToken) {
    ReentrantLock lock = locks[Math.floorMod(executionArn.hashCode(), locks.length)];
    lock.lock();
    try {
      ExecutionRow row = store.execution(executionArn).orElseThrow(
          () -> new Refusal(Refusal.Kind.EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist: '" + executionArn + "'"));
      Long earlier = tokens.earlier(executionArn, clientToken, clock.millis());
      if (earlier != null) {
        return earlier;
      }
      if (row.mapRunArn() != null) {
        // inferred: AWS redrives a Map Run's children through the Map Run, by redriving its parent
        throw new Refusal(Refusal.Kind.NOT_REDRIVABLE, "A Map Run's child execution is redriven with its parent");
      }
      String reason = RedriveRules.notRedrivable(row.record().type(), row.status(), row.startDate(), row.stopDate(), row.events(),
          clock.millis());
      if (reason != null) {
        throw new Refusal(Refusal.Kind.NOT_REDRIVABLE, reason);
      }
      long date = redriveStep.apply(executionArn).events().get(0).timestamp(); // its ExecutionRedriven
      tokens.remember(executionArn, clientToken, date, clock.millis());
      return date;
    } finally {
      lock.unlock();
    }
  }
}
