package io.stepwise.server.operations.versions;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.registry.RegistryTransaction;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.registry.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Publishing a version, as CreateStateMachine and UpdateStateMachine (with publish) and
 * PublishStateMachineVersion do it. A revision is published once: publishing it again returns the
 * version it already has. A new version takes the number after the highest the state machine ever
 * handed out, so a deleted version's number is not reused; at most 1,000 versions exist at once.
 */
public final class Versions {
  public static final int MAX_VERSIONS = 1000;

  private Versions() {}

  public static VersionRecord publish(RegistryTransaction tx, StateMachineRecord sm, String description, Instant now) {
    List<VersionRecord> existing = tx.versions(sm.arn());
    for (VersionRecord v : existing) {
      if (Objects.equals(v.revision().revisionId(), sm.revision().revisionId())) {
        return v;
      }
    }
    if (existing.size() >= MAX_VERSIONS) {
      throw Errors.quotaExceeded("The state machine already has " + MAX_VERSIONS
          + " versions, the most it may have; delete unused versions with DeleteStateMachineVersion");
    }
    int number = sm.lastVersionNumber() + 1;
    VersionRecord v = new VersionRecord(Arns.version(sm.arn(), number), sm.arn(), number, sm.revision(), description, now);
    tx.putVersion(v);
    tx.putStateMachine(sm.withLastVersionNumber(number));
    return v;
  }
}
