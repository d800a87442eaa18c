package io.stepwise.server.operations.statemachines;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.VariableReferenceLists;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.Revision;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.registry.VersionRecord;
import java.time.Instant;

/**
 * DescribeStateMachine, of a state machine or, by its ARN, of one of its versions (then the ARN,
 * creation date, revision and description are the version's). {@code includedData:
 * METADATA_ONLY} leaves the definition out ({@code {}}), as AWS does, and with it the
 * {@code variableReferences} read from it (inferred: no recorded case shows them).
 */
public final class DescribeStateMachine implements Operation<DescribeStateMachine.Request, DescribeStateMachine.Result> {
  public enum IncludedData { ALL_DATA, METADATA_ONLY }

  private final Services services;

  public DescribeStateMachine(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn, IncludedData includedData) {}

  /** The description; {@code description} is a version's, null for the state machine itself. */
  public record Result(String stateMachineArn, String name, StateMachineStatus status, StateMachineType type,
      Revision revision, Instant creationDate, String description, boolean withDefinition) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("stateMachineArn", stateMachineArn)
          .string("name", name)
          .string("status", status.name())
          .string("definition", withDefinition ? revision.definition() : "{}")
          .string("roleArn", revision.roleArn())
          .string("type", type.name())
          .timestamp("creationDate", creationDate)
          .structure("loggingConfiguration", revision.logging(), Configurations::writeLogging)
          .structure("tracingConfiguration", revision.tracing(), Configurations::writeTracing)
          .string("revisionId", revision.revisionId())
          .string("description", description)
          .structure("encryptionConfiguration", revision.encryption(), Configurations::writeEncryption)
          .stringLists("variableReferences", withDefinition ? VariableReferenceLists.of(revision.definition()) : null);
    }
  }

  @Override
  public String name() {
    return "DescribeStateMachine";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineArn", Shapes.ARN, true), in.enumValue("includedData", IncludedData.class, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = Arns.parseStateMachine(r.stateMachineArn());
    boolean withDefinition = r.includedData() != IncludedData.METADATA_ONLY;
    if (ref.label() != null || ref.alias() != null) {
      // Map labels and aliases name no definition of their own in the registry
      throw Errors.stateMachineDoesNotExist(r.stateMachineArn());
    }
    return services.registry().read(view -> {
      StateMachineRecord sm = view.stateMachine(ref.baseArn())
          .orElseThrow(() -> Errors.stateMachineDoesNotExist(r.stateMachineArn()));
      if (ref.version() == null) {
        return new Result(sm.arn(), sm.name(), sm.status(), sm.type(), sm.revision(), sm.creationDate(), null, withDefinition);
      }
      VersionRecord v = view.version(Arns.version(sm.arn(), ref.version()))
          .orElseThrow(() -> Errors.stateMachineDoesNotExist(r.stateMachineArn()));
      return new Result(v.arn(), sm.name(), sm.status(), sm.type(), v.revision(), v.creationDate(), v.description(), withDefinition);
    });
  }
}
