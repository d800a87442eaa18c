package io.stepwise.server.operations.activities;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.List;

/** DeleteActivity, with its tags. Deleting one that does not exist succeeds (the model has no error for it). */
public final class DeleteActivity implements Operation<DeleteActivity.Request, Response> {
  private final Services services;

  public DeleteActivity(Services services) {
    this.services = services;
  }

  public record Request(String activityArn) {}

  @Override
  public String name() {
    return "DeleteActivity";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("activityArn", Shapes.ARN, true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    Arns.parseActivity(r.activityArn());
    return services.registry().write(tx -> {
      tx.deleteActivity(r.activityArn());
      tx.putTags(r.activityArn(), List.of());
      return Response.EMPTY;
    });
  }
}
