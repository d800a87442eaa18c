package io.stepwise.server.operations.statemachines;

import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.model.Tag;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.tags.TagRules;
import io.stepwise.server.operations.validate.Definitions;
import io.stepwise.server.operations.versions.Versions;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.Revision;
import io.stepwise.server.registry.StateMachineRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateStateMachine. Idempotent as AWS defines it: a request for a name that exists with the same
 * definition (the same text), type, logging, tracing, encryption, publish and versionDescription
 * returns the existing state machine's ARN and creation date (a different roleArn or tags are
 * ignored, and not applied); any other difference is StateMachineAlreadyExists. With publish, the
 * first revision becomes version 1.
 */
public final class CreateStateMachine implements Operation<CreateStateMachine.Request, CreateStateMachine.Result> {
  private final Services services;

  public CreateStateMachine(Services services) {
    this.services = services;
  }

  public record Request(String name, String definition, String roleArn, StateMachineType type,
      LoggingConfiguration logging, List<Tag> tags, TracingConfiguration tracing, boolean publish,
      String versionDescription, EncryptionConfiguration encryption) {}

  public record Result(String stateMachineArn, Instant creationDate, String stateMachineVersionArn) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("stateMachineArn", stateMachineArn)
          .timestamp("creationDate", creationDate)
          .string("stateMachineVersionArn", stateMachineVersionArn);
    }
  }

  @Override
  public String name() {
    return "CreateStateMachine";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(
        in.string("name", Shapes.NAME, true),
        in.string("definition", Shapes.DEFINITION, true),
        in.string("roleArn", Shapes.ARN, true),
        in.enumValue("type", StateMachineType.class, false),
        Configurations.readLogging(in),
        TagRules.read(in, "tags", false),
        Configurations.readTracing(in),
        Boolean.TRUE.equals(in.bool("publish")),
        in.string("versionDescription", Shapes.VERSION_DESCRIPTION, false),
        Configurations.readEncryption(in));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    if (r.versionDescription() != null && !r.publish()) {
      throw Errors.validation("Version description can only be set when publish is true");
    }
    StateMachineRules.checkName(r.name());
    StateMachineRules.checkRoleArn(r.roleArn());
    StateMachineType type = r.type() == null ? StateMachineType.STANDARD : r.type();
    Definitions.requireValid(r.definition(), type);
    Configurations.checkLogging(r.logging());
    Configurations.checkEncryption(r.encryption());
    String arn = services.arns().stateMachine(r.name());
    List<Tag> tags = TagRules.merge(arn, List.of(), r.tags() == null ? List.of() : r.tags());
    Revision revision = new Revision(r.definition(), r.roleArn(), StateMachineRules.orDefault(r.logging()),
        StateMachineRules.orDefault(r.tracing()), r.encryption(), null);

    return services.registry().write(tx -> {
      Optional<StateMachineRecord> existing = tx.stateMachine(arn);
      if (existing.isPresent()) {
        StateMachineRecord sm = existing.get();
        if (sm.status() == StateMachineStatus.DELETING) {
          throw Errors.stateMachineDeleting(arn);
        }
        if (!sameRequest(sm, type, revision, r)) {
          throw Errors.stateMachineAlreadyExists(arn);
        }
        return new Result(arn, sm.creationDate(), sm.createdWith().versionArn());
      }
      StateMachineRecord sm = new StateMachineRecord(arn, r.name(), type, StateMachineStatus.ACTIVE, revision,
          context.now(), context.now(), new StateMachineRecord.Creation(r.publish(), r.versionDescription(), null), 0);
      tx.putStateMachine(sm);
      tx.putTags(arn, tags);
      String versionArn = null;
      if (r.publish()) {
        versionArn = Versions.publish(tx, sm, r.versionDescription(), context.now()).arn();
        StateMachineRecord published = tx.stateMachine(arn).orElseThrow();
        tx.putStateMachine(new StateMachineRecord(arn, published.name(), type, published.status(), published.revision(),
            published.creationDate(), published.updateDate(),
            new StateMachineRecord.Creation(true, r.versionDescription(), versionArn), published.lastVersionNumber()));
      }
      return new Result(arn, context.now(), versionArn);
    });
  }

  /** What CreateStateMachine's idempotency compares; roleArn and tags are not among it. */
  private static boolean sameRequest(StateMachineRecord sm, StateMachineType type, Revision asked, Request r) {
    Revision current = sm.revision();
    return sm.type() == type
        && current.definition().equals(asked.definition())
        && current.logging().equals(asked.logging())
        && current.tracing().equals(asked.tracing())
        && Objects.equals(current.encryption(), asked.encryption())
        && sm.createdWith().publish() == r.publish()
        && Objects.equals(sm.createdWith().versionDescription(), r.versionDescription());
  }
}
