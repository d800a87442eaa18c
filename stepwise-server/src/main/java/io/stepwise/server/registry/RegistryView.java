package io.stepwise.server.registry;

import io.stepwise.server.model.Tag;
import java.util.List;
import java.util.Optional;

/**
 * What the registry holds, read inside one transaction. Lists come in a fixed order so that a
 * page token can name where the next page starts: state machines and activities by ARN (which,
 * within one region and account, is by name), versions by number from the highest, aliases by
 * creation.
 */
public interface RegistryView {
  Optional<StateMachineRecord> stateMachine(String arn);

  /** At most {@code limit} state machines whose ARN sorts after {@code afterArn} (null: from the first). */
  List<StateMachineRecord> stateMachines(String afterArn, int limit);

  Optional<VersionRecord> version(String arn);

  /** Every version of one state machine, the highest number first. */
  List<VersionRecord> versions(String stateMachineArn);

  Optional<AliasRecord> alias(String arn);

  /** Every alias of one state machine, the oldest first. */
  List<AliasRecord> aliases(String stateMachineArn);

  Optional<ActivityRecord> activity(String arn);

  /** At most {@code limit} activities whose ARN sorts after {@code afterArn} (null: from the first). */
  List<ActivityRecord> activities(String afterArn, int limit);

  /** The resource's tags in the order they were first set; empty when it has none. */
  List<Tag> tags(String resourceArn);
}
