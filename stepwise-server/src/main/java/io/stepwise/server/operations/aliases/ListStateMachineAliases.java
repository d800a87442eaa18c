package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.statemachines.StateMachineRules;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.AliasRecord;
import java.util.List;

/**
 * ListStateMachineAliases: a state machine's aliases, the oldest first (as AWS's recorded
 * answers list them), or, given a version's ARN, the aliases that route to that version.
 */
public final class ListStateMachineAliases
    implements Operation<ListStateMachineAliases.Request, ListStateMachineAliases.Result> {
  private final Services services;

  public ListStateMachineAliases(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn, Paging.Request paging) {}

  public record Result(List<AliasRecord> aliases, String nextToken) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("stateMachineAliases", aliases,
          (a, o) -> o.string("stateMachineAliasArn", a.arn()).timestamp("creationDate", a.creationDate()));
      out.string("nextToken", nextToken);
    }
  }

  @Override
  public String name() {
    return "ListStateMachineAliases";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineArn", Shapes.ARN, true), Paging.Request.read(in));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = Arns.parseStateMachine(r.stateMachineArn());
    if (ref.label() != null) {
      throw StateMachineRules.labelled();
    }
    if (ref.alias() != null) {
      throw Arns.invalid(r.stateMachineArn());
    }
    List<AliasRecord> all = services.registry().read(view -> {
      StateMachineRules.active(view, ref.baseArn());
      if (ref.version() == null) {
        return view.aliases(ref.baseArn());
      }
      String versionArn = Arns.version(ref.baseArn(), ref.version());
      if (view.version(versionArn).isEmpty()) {
        throw Errors.resourceNotFound();
      }
      return view.aliases(ref.baseArn()).stream().filter(a -> Routing.routesTo(a, versionArn)).toList();
    });
    List<AliasRecord> ordered = all.stream().sorted(java.util.Comparator.comparing(ListStateMachineAliases::key)).toList();
    Paging.Page<AliasRecord> page = Paging.pageOf(ordered, r.paging(), name() + " " + r.stateMachineArn(),
        ListStateMachineAliases::key, (a, after) -> key(a).compareTo(after) > 0, services, context);
    return new Result(page.items(), page.nextToken());
  }

  /** Creation order, with the ARN to break ties; fixed width, so it sorts as text. */
  private static String key(AliasRecord a) {
    return String.format("%020d", a.creationDate().toEpochMilli()) + " " + a.arn();
  }

}
