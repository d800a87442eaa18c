package io.stepwise.server.operations.versions;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.statemachines.StateMachineRules;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.registry.VersionRecord;
import java.time.Instant;

/**
 * PublishStateMachineVersion: a version of the current revision (idempotent per revision). With
 * revisionId, only if it is still the current one ("INITIAL" names a state machine never updated),
 * else ConflictException.
 */
public final class PublishStateMachineVersion
    implements Operation<PublishStateMachineVersion.Request, PublishStateMachineVersion.Result> {
  /** The revisionId that names a state machine's first revision, which has no id of its own. */
  public static final String INITIAL = "INITIAL";

  private final Services services;

  public PublishStateMachineVersion(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn, String revisionId, String description) {}

  public record Result(Instant creationDate, String stateMachineVersionArn) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.timestamp("creationDate", creationDate).string("stateMachineVersionArn", stateMachineVersionArn);
    }
  }

  @Override
  public String name() {
    return "PublishStateMachineVersion";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("stateMachineArn", Shapes.ARN, true),
        in.string("revisionId", Shapes.REVISION_ID, false),
        in.string("description", Shapes.VERSION_DESCRIPTION, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = StateMachineRules.unqualified(r.stateMachineArn());
    return services.registry().write(tx -> {
      StateMachineRecord sm = StateMachineRules.active(tx, ref.baseArn());
      String current = sm.revision().revisionId() == null ? INITIAL : sm.revision().revisionId();
      if (r.revisionId() != null && !r.revisionId().equals(current)) {
        throw Errors.conflict("Failed to publish the State Machine version for revision " + r.revisionId()
            + ". The current State Machine revision is " + current + ".");
      }
      VersionRecord v = Versions.publish(tx, sm, r.description(), context.now());
      return new Result(v.creationDate(), v.arn());
    });
  }
}
