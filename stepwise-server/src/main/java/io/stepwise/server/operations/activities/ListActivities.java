package io.stepwise.server.operations.activities;

import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.ActivityRecord;
import java.util.List;

/** ListActivities, in name order, paged. */
public final class ListActivities implements Operation<Paging.Request, ListActivities.Result> {
  private final Services services;

  public ListActivities(Services services) {
    this.services = services;
  }

  public record Result(List<ActivityRecord> activities, String nextToken) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("activities", activities, (a, o) -> o
          .string("activityArn", a.arn())
          .string("name", a.name())
          .timestamp("creationDate", a.creationDate()));
      out.string("nextToken", nextToken);
    }
  }

  @Override
  public String name() {
    return "ListActivities";
  }

  @Override
  public Paging.Request read(JsonInput in) {
    return Paging.Request.read(in);
  }

  @Override
  public Result handle(Paging.Request r, RequestContext context) {
    String after = Paging.start(r, name(), services, context);
    List<ActivityRecord> fetched = services.registry().read(view -> view.activities(after, r.size() + 1));
    Paging.Page<ActivityRecord> page = Paging.page(fetched, r, name(), ActivityRecord::arn, services, context);
    return new Result(page.items(), page.nextToken());
  }
}
