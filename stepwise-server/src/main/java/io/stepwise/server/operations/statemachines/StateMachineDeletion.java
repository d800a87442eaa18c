package io.stepwise.server.operations.statemachines;

import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.operations.Services;
import io.stepwise.server.registry.AliasRecord;
import io.stepwise.server.registry.RegistryTransaction;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.registry.VersionRecord;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deleting a state machine as AWS does: at once when none of its executions runs; otherwise it
 * is DELETING (no new executions, no updates) until the last one ends, and then it goes. A
 * sweep every {@link #SWEEP_SECONDS} finishes the deletions whose executions have ended.
 */
public final class StateMachineDeletion implements AutoCloseable {
  static final long SWEEP_SECONDS = 2;

  private final Services services;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "stepwise-deletions");
    t.setDaemon(true);
    return t;
  });

  public StateMachineDeletion(Services services) {
    this.services = services;
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  /** The state machine, its versions, aliases and tags, gone. */
  static void deleteNow(RegistryTransaction tx, String arn) {
    for (AliasRecord a : tx.aliases(arn)) {
      tx.deleteAlias(a.arn());
    }
    for (VersionRecord v : tx.versions(arn)) {
      tx.deleteVersion(v.arn());
    }
    tx.putTags(arn, List.of());
    tx.deleteStateMachine(arn);
  }

  /** Marked DELETING: kept, with its versions and aliases, for the executions still running. */
  static void markDeleting(RegistryTransaction tx, StateMachineRecord sm) {
    tx.putStateMachine(sm.withStatus(StateMachineStatus.DELETING));
  }

  /** Finishes every deletion whose executions have all ended. */
  void sweep() {
    try {
      List<String> deleting = services.registry().read(view -> {
        List<String> out = new java.util.ArrayList<>();
        String after = null;
        while (true) {
          List<StateMachineRecord> page = view.stateMachines(after, 1000);
          for (StateMachineRecord sm : page) {
            if (sm.status() == StateMachineStatus.DELETING) {
              out.add(sm.arn());
            }
          }
          if (page.size() < 1000) {
            return out;
          }
          after = page.get(page.size() - 1).arn();
        }
      });
      for (String arn : deleting) {
        if (!services.running().any(arn)) {
          services.registry().write(tx -> {
            tx.stateMachine(arn).filter(sm -> sm.status() == StateMachineStatus.DELETING).ifPresent(sm -> deleteNow(tx, arn));
            return null;
          });
        }
      }
    } catch (RuntimeException e) {
      // tried again at the next sweep; a failed read or write of the registry harms nothing
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
