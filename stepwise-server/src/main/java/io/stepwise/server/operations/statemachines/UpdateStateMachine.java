package io.stepwise.server.operations.statemachines;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.validate.Definitions;
import io.stepwise.server.operations.versions.Versions;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.Revision;
import io.stepwise.server.registry.StateMachineRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * UpdateStateMachine. An update that changes something makes a new revision with a new revisionId
 * (a UUID, as AWS's are); one that changes nothing keeps the revision, and its id, as on AWS. With
 * publish, the resulting revision is published (again: the version it already has, if any).
 * Executions already started keep the revision they started with; that is the execution side's
 * to honour.
 */
public final class UpdateStateMachine implements Operation<UpdateStateMachine.Request, UpdateStateMachine.Result> {
  private final Services services;

  public UpdateStateMachine(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn, String definition, String roleArn, LoggingConfiguration logging,
      TracingConfiguration tracing, boolean publish, String versionDescription, EncryptionConfiguration encryption) {}

  public record Result(Instant updateDate, String revisionId, String stateMachineVersionArn) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.timestamp("updateDate", updateDate)
          .string("revisionId", revisionId)
          .string("stateMachineVersionArn", stateMachineVersionArn);
    }
  }

  @Override
  public String name() {
    return "UpdateStateMachine";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("stateMachineArn", Shapes.ARN, true),
        in.string("definition", Shapes.DEFINITION, false),
        in.string("roleArn", Shapes.ARN, false),
        Configurations.readLogging(in),
        Configurations.readTracing(in),
        Boolean.TRUE.equals(in.bool("publish")),
        in.string("versionDescription", Shapes.VERSION_DESCRIPTION, false),
        Configurations.readEncryption(in));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = StateMachineRules.unqualified(r.stateMachineArn());
    if (r.definition() == null && r.roleArn() == null && r.logging() == null && r.tracing() == null
        && r.encryption() == null) {
      throw ApiException.client("MissingRequiredParameter",
          "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (r.versionDescription() != null && !r.publish()) {
      throw Errors.validation("Version description can only be set when publish is true");
    }
    if (r.roleArn() != null) {
      StateMachineRules.checkRoleArn(r.roleArn());
    }
    Configurations.checkLogging(r.logging());
    Configurations.checkEncryption(r.encryption());
    if (r.definition() != null) {
      // the type decides what the definition may do; it cannot change, so a read is enough
      StateMachineRecord sm = services.registry().read(view -> StateMachineRules.active(view, ref.baseArn()));
      Definitions.requireValid(r.definition(), sm.type());
    }
    return services.registry().write(tx -> {
      StateMachineRecord sm = StateMachineRules.active(tx, ref.baseArn());
      Revision now = sm.revision();
      Revision asked = new Revision(
          r.definition() == null ? now.definition() : r.definition(),
          r.roleArn() == null ? now.roleArn() : r.roleArn(),
          r.logging() == null ? now.logging() : r.logging(),
          r.tracing() == null ? now.tracing() : r.tracing(),
          r.encryption() == null ? now.encryption() : r.encryption(),
          now.revisionId());
      if (!asked.equals(now)) {
        Revision next = new Revision(asked.definition(), asked.roleArn(), asked.logging(), asked.tracing(),
            asked.encryption(), UUID.randomUUID().toString());
        sm = sm.withRevision(next, context.now());
        tx.putStateMachine(sm);
      }
      String versionArn = r.publish() ? Versions.publish(tx, sm, r.versionDescription(), context.now()).arn() : null;
      return new Result(sm.updateDate(), sm.revision().revisionId(), versionArn);
    });
  }
}
