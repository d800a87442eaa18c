package io.stepwise.server.operations;

import io.stepwise.server.operations.activities.CreateActivity;
import io.stepwise.server.operations.activities.DeleteActivity;
import io.stepwise.server.operations.activities.DescribeActivity;
import io.stepwise.server.operations.activities.ListActivities;
import io.stepwise.server.operations.aliases.CreateStateMachineAlias;
import io.stepwise.server.operations.aliases.DeleteStateMachineAlias;
import io.stepwise.server.operations.aliases.DescribeStateMachineAlias;
import io.stepwise.server.operations.aliases.ListStateMachineAliases;
import io.stepwise.server.operations.aliases.UpdateStateMachineAlias;
import io.stepwise.server.operations.statemachines.CreateStateMachine;
import io.stepwise.server.operations.statemachines.DeleteStateMachine;
import io.stepwise.server.operations.statemachines.DescribeStateMachine;
import io.stepwise.server.operations.statemachines.ListStateMachines;
import io.stepwise.server.operations.statemachines.UpdateStateMachine;
import io.stepwise.server.operations.tags.ListTagsForResource;
import io.stepwise.server.operations.tags.TagResource;
import io.stepwise.server.operations.tags.UntagResource;
import io.stepwise.server.operations.validate.ValidateStateMachineDefinition;
import io.stepwise.server.operations.versions.DeleteStateMachineVersion;
import io.stepwise.server.operations.versions.ListStateMachineVersions;
import io.stepwise.server.operations.versions.PublishStateMachineVersion;
import io.stepwise.server.protocol.Operation;
import java.util.List;

/** The operations that need no executions: state machines, versions, aliases, activities, tags, validation. */
public final class RegistryOperations {
  private RegistryOperations() {}

  public static List<Operation<?, ?>> all(Services s) {
    return List.of(
        new CreateStateMachine(s),
        new DescribeStateMachine(s),
        new UpdateStateMachine(s),
        new DeleteStateMachine(s),
        new ListStateMachines(s),
        new PublishStateMachineVersion(s),
        new ListStateMachineVersions(s),
        new DeleteStateMachineVersion(s),
        new CreateStateMachineAlias(s),
        new DescribeStateMachineAlias(s),
        new UpdateStateMachineAlias(s),
        new DeleteStateMachineAlias(s),
        new ListStateMachineAliases(s),
        new CreateActivity(s),
        new DescribeActivity(s),
        new DeleteActivity(s),
        new ListActivities(s),
        new TagResource(s),
        new UntagResource(s),
        new ListTagsForResource(s),
        new ValidateStateMachineDefinition());
  }
}
