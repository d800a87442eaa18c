package io.stepwise.server.operations.tags;

import io.stepwise.server.model.Tag;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.List;

/** ListTagsForResource, in the order the keys were first set. */
public final class ListTagsForResource implements Operation<ListTagsForResource.Request, ListTagsForResource.Result> {
  private final Services services;

  public ListTagsForResource(Services services) {
    this.services = services;
  }

  public record Request(String resourceArn) {}

  public record Result(List<Tag> tags) implements Response {
    @Override
    public void write(JsonOutput out) {
      TagRules.write(tags, out);
    }
  }

  @Override
  public String name() {
    return "ListTagsForResource";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("resourceArn", Shapes.ARN, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    return services.registry().read(view -> {
      Taggable.require(view, r.resourceArn());
      return new Result(view.tags(r.resourceArn()));
    });
  }
}
