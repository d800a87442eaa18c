package io.stepwise.server.operations.versions;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.arn.Arns;
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
import io.stepwise.server.registry.VersionRecord;
import java.util.List;

/**
 * ListStateMachineVersions: the newest first. The model gives this operation no
 * StateMachineDoesNotExist, so a state machine that does not exist has no versions.
 */
public final class ListStateMachineVersions
    implements Operation<ListStateMachineVersions.Request, ListStateMachineVersions.Result> {
  private final Services services;

  public ListStateMachineVersions(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn, Paging.Request paging) {}

  public record Result(List<VersionRecord> versions, String nextToken) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("stateMachineVersions", versions,
          (v, o) -> o.string("stateMachineVersionArn", v.arn()).timestamp("creationDate", v.creationDate()));
      out.string("nextToken", nextToken);
    }
  }

  @Override
  public String name() {
    return "ListStateMachineVersions";
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
    if (!ref.isUnqualified()) {
      throw Errors.validation("ListStateMachineVersions takes an unqualified state machine ARN, not "
          + r.stateMachineArn());
    }
    List<VersionRecord> all = services.registry().read(view -> view.versions(ref.baseArn()));
    Paging.Page<VersionRecord> page = Paging.pageOf(all, r.paging(), name() + " " + ref.baseArn(),
        v -> Integer.toString(v.number()), (v, after) -> v.number() < Integer.parseInt(after), services, context);
    return new Result(page.items(), page.nextToken());
  }
}
