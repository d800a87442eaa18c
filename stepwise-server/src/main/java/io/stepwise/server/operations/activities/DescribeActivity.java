package io.stepwise.server.operations.activities;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.ActivityRecord;

/** DescribeActivity; ActivityDoesNotExist for one that does not. */
public final class DescribeActivity implements Operation<DescribeActivity.Request, DescribeActivity.Result> {
  private final Services services;

  public DescribeActivity(Services services) {
    this.services = services;
  }

  public record Request(String activityArn) {}

  public record Result(ActivityRecord activity) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("activityArn", activity.arn())
          .string("name", activity.name())
          .timestamp("creationDate", activity.creationDate())
          .structure("encryptionConfiguration", activity.encryption(), Configurations::writeEncryption);
    }
  }

  @Override
  public String name() {
    return "DescribeActivity";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("activityArn", Shapes.ARN, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseActivity(r.activityArn());
    return new Result(services.registry().read(view -> view.activity(r.activityArn())
        .orElseThrow(() -> Errors.activityDoesNotExist(r.activityArn()))));
  }
}
