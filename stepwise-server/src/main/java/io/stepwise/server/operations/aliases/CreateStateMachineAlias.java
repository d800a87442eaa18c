package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.Arns;
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
import io.stepwise.server.registry.StateMachineRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateStateMachineAlias. The state machine is the one whose versions the routing names (the
 * request names no state machine). Idempotent on name, description and routing; the same name
 * with anything else is ConflictException. At most 100 aliases per state machine.
 */
public final class CreateStateMachineAlias
    implements Operation<CreateStateMachineAlias.Request, CreateStateMachineAlias.Result> {
  public static final int MAX_ALIASES = 100;

  private final Services services;

  public CreateStateMachineAlias(Services services) {
    this.services = services;
  }

  public record Request(String description, String name, List<RoutingEntry> routing) {}

  public record Result(String stateMachineAliasArn, Instant creationDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("stateMachineAliasArn", stateMachineAliasArn).timestamp("creationDate", creationDate);
    }
  }

  @Override
  public String name() {
    return "CreateStateMachineAlias";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("description", Shapes.ALIAS_DESCRIPTION, false),
        in.string("name", Shapes.ALIAS_NAME, true),
        Routing.read(in, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    String machineArn = Routing.check(r.routing());
    String arn = Arns.alias(machineArn, r.name());
    return services.registry().write(tx -> {
      StateMachineRecord sm = tx.stateMachine(machineArn).orElseThrow(Errors::resourceNotFound);
      StateMachineRules.active(tx, sm.arn());
      Routing.requireVersions(tx, r.routing());
      Optional<AliasRecord> existing = tx.alias(arn);
      if (existing.isPresent()) {
        AliasRecord a = existing.get();
        if (!Objects.equals(a.description(), r.description()) || !a.routing().equals(r.routing())) {
          throw Errors.conflict("Failed to create alias because an alias with the same name and a different "
              + "routing configuration already exists.");
        }
        return new Result(arn, a.creationDate());
      }
      if (tx.aliases(machineArn).size() >= MAX_ALIASES) {
        throw Errors.quotaExceeded("The state machine already has " + MAX_ALIASES + " aliases, the most it may have");
      }
      tx.putAlias(new AliasRecord(arn, machineArn, r.name(), r.description(), r.routing(), context.now(), context.now()));
      return new Result(arn, context.now());
    });
  }
}
