package io.stepwise.server.registry;

import io.stepwise.server.model.RoutingEntry;
import java.time.Instant;
import java.util.List;

/**
 * An alias: a name that routes new executions to one or two versions of its state machine.
 *
 * @param arn the state machine's ARN, a colon and the alias name
 */
public record AliasRecord(
    String arn,
    String stateMachineArn,
    String name,
    String description,
    List<RoutingEntry> routing,
    Instant creationDate,
    Instant updateDate) {
  public AliasRecord {
    routing = List.copyOf(routing);
  }
}
