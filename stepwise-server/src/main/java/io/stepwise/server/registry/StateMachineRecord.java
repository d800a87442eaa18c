package io.stepwise.server.registry;

import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.model.StateMachineType;
import java.time.Instant;

/**
 * A state machine as stored: its identity, its current {@link Revision}, what it was created with
 * (for CreateStateMachine's idempotency), and the highest version number it has handed out, which
 * only grows: a deleted version's number is never used again.
 *
 * @param updateDate when the revision last changed; the creation date until then
 * @param createdWith the creation's publish and versionDescription, and the version it published
 */
public record StateMachineRecord(
    String arn,
    String name,
    StateMachineType type,
    StateMachineStatus status,
    Revision revision,
    Instant creationDate,
    Instant updateDate,
    Creation createdWith,
    int lastVersionNumber) {

  /** The parameters of CreateStateMachine beyond the revision that its idempotency compares. */
  public record Creation(boolean publish, String versionDescription, String versionArn) {}

  public StateMachineRecord withRevision(Revision r, Instant updated) {
    return new StateMachineRecord(arn, name, type, status, r, creationDate, updated, createdWith, lastVersionNumber);
  }

  public StateMachineRecord withLastVersionNumber(int n) {
    return new StateMachineRecord(arn, name, type, status, revision, creationDate, updateDate, createdWith, n);
  }

  public StateMachineRecord withStatus(StateMachineStatus s) {
    return new StateMachineRecord(arn, name, type, s, revision, creationDate, updateDate, createdWith, lastVersionNumber);
  }
}
