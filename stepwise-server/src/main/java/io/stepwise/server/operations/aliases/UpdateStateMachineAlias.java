package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.RoutingEntry;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.statemachines.StateMachineRules;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.AliasRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * UpdateStateMachineAlias: a new description, a new routing, or both (at least one); the routing
 * must name versions of the alias's own state machine. Idempotent: the same values change nothing,
 * not even the update date.
 */
public final class UpdateStateMachineAlias
    implements Operation<UpdateStateMachineAlias.Request, UpdateStateMachineAlias.Result> {
  private final Services services;

  public UpdateStateMachineAlias(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineAliasArn, String description, List<RoutingEntry> routing) {}

  public record Result(Instant updateDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.timestamp("updateDate", updateDate);
    }
  }

  @Override
  public String name() {
    return "UpdateStateMachineAlias";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("stateMachineAliasArn", Shapes.ARN, true),
        in.string("description", Shapes.ALIAS_DESCRIPTION, false),
        Routing.read(in, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = AliasArns.alias(r.stateMachineAliasArn());
    if (r.description() == null && r.routing() == null) {
      throw Errors.validation("Either the description or the routing configuration must be specified",
          "MISSING_REQUIRED_PARAMETER");
    }
    if (r.routing() != null && !Routing.check(r.routing()).equals(ref.baseArn())) {
      throw Errors.validation("Routing configuration must contain versions of the alias's state machine, "
          + ref.baseArn(), "INVALID_ROUTING_CONFIGURATION");
    }
    return services.registry().write(tx -> {
      AliasRecord a = tx.alias(ref.arn()).orElseThrow(Errors::resourceNotFound);
      StateMachineRules.active(tx, a.stateMachineArn());
      List<RoutingEntry> routing = r.routing() == null ? a.routing() : r.routing();
      String description = r.description() == null ? a.description() : r.description();
      if (Objects.equals(description, a.description()) && routing.equals(a.routing())) {
        return new Result(a.updateDate());
      }
      Routing.requireVersions(tx, routing);
      tx.putAlias(new AliasRecord(a.arn(), a.stateMachineArn(), a.name(), description, routing, a.creationDate(),
          context.now()));
      return new Result(context.now());
    });
  }
}
