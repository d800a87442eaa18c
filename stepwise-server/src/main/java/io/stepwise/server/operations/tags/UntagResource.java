package io.stepwise.server.operations.tags;

import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.util.List;

/** UntagResource: removes the tags with the keys given; keys the resource has not are ignored. */
public final class UntagResource implements Operation<UntagResource.Request, Response> {
  private final Services services;

  public UntagResource(Services services) {
    this.services = services;
  }

  public record Request(String resourceArn, List<String> tagKeys) {}

  @Override
  public String name() {
    return "UntagResource";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("resourceArn", Shapes.ARN, true),
        in.strings("tagKeys", Shapes.TAG_KEY_LIST, Shapes.TAG_KEY, true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    return services.registry().write(tx -> {
      Taggable.require(tx, r.resourceArn());
      tx.putTags(r.resourceArn(), tx.tags(r.resourceArn()).stream().filter(t -> !r.tagKeys().contains(t.key())).toList());
      return Response.EMPTY;
    });
  }
}
