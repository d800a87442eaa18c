package io.stepwise.server.operations.statemachines;

import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.StateMachineRecord;
import java.util.List;

/** ListStateMachines, in name order as AWS lists them, paged. */
public final class ListStateMachines implements Operation<Paging.Request, ListStateMachines.Result> {
  private final Services services;

  public ListStateMachines(Services services) {
    this.services = services;
  }

  public record Result(List<StateMachineRecord> stateMachines, String nextToken) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("stateMachines", stateMachines, (sm, o) -> o
          .string("stateMachineArn", sm.arn())
          .string("name", sm.name())
          .string("type", sm.type().name())
          .timestamp("creationDate", sm.creationDate()));
      out.string("nextToken", nextToken);
    }
  }

  @Override
  public String name() {
    return "ListStateMachines";
  }

  @Override
  public Paging.Request read(JsonInput in) {
    return Paging.Request.read(in);
  }

  @Override
  public Result handle(Paging.Request r, RequestContext context) {
    String after = Paging.start(r, name(), services, context);
    List<StateMachineRecord> fetched = services.registry().read(view -> view.stateMachines(after, r.size() + 1));
    Paging.Page<StateMachineRecord> page = Paging.page(fetched, r, name(), StateMachineRecord::arn, services, context);
    return new Result(page.items(), page.nextToken());
  }
}
