package io.stepwise.server.registry;

import io.stepwise.server.model.Tag;
import java.util.List;

/**
 * Writes inside one transaction: plain puts and deletes of whole records, which replace or remove
 * what is stored under the record's ARN. The registry judges nothing (no idempotency, numbering
 * or referential rules: those are the operations'); it only keeps each transaction atomic and
 * isolated from the others. Reads within the transaction see its own writes.
 */
public interface RegistryTransaction extends RegistryView {
  void putStateMachine(StateMachineRecord record);

  void deleteStateMachine(String arn);

  void putVersion(VersionRecord record);

  void deleteVersion(String arn);

  void putAlias(AliasRecord record);

  void deleteAlias(String arn);

  void putActivity(ActivityRecord record);

  void deleteActivity(String arn);

  /** Replaces the resource's tags; an empty list removes them. */
  void putTags(String resourceArn, List<Tag> tags);
}
