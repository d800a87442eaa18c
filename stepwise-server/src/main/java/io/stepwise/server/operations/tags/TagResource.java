package io.stepwise.server.operations.tags;

import io.stepwise.server.model.Tag;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.List;

/** TagResource: adds tags, replacing the values of keys the resource has already. */
public final class TagResource implements Operation<TagResource.Request, Response> {
  private final Services services;

  public TagResource(Services services) {
    this.services = services;
  }

  public record Request(String resourceArn, List<Tag> tags) {}

  @Override
  public String name() {
    return "TagResource";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("resourceArn", Shapes.ARN, true), TagRules.read(in, "tags", true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    return services.registry().write(tx -> {
      Taggable.require(tx, r.resourceArn());
      tx.putTags(r.resourceArn(), TagRules.merge(r.resourceArn(), tx.tags(r.resourceArn()), r.tags()));
      return Response.EMPTY;
    });
  }
}
