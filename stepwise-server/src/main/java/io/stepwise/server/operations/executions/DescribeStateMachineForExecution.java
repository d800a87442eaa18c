package io.stepwise.server.operations.executions;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.operations.Configurations;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.VariableReferenceLists;
import io.stepwise.server.operations.statemachines.DescribeStateMachine.IncludedData;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.store.ExecutionRow;
import java.time.Instant;

/**
 * DescribeStateMachineForExecution: the state machine as the execution started with it, not as it
 * is now: its definition (kept by digest), role, revision id, update date, logging, tracing and
 * encryption. The ARN is the unqualified one even for an execution started through a version or
 * an alias, as AWS answers (the execution's own DescribeExecution names the version and alias). A
 * Map Run's child is described by the state machine of the Map Run, its parent's, with the Map
 * Run's ARN and the Map state's label.
 */
public final class DescribeStateMachineForExecution
    implements Operation<DescribeStateMachineForExecution.Request, DescribeStateMachineForExecution.Result> {
  private final Executions executions;

  public DescribeStateMachineForExecution(Executions executions) {
    this.executions = executions;
  }

  public record Request(String executionArn, IncludedData includedData) {}

  public record Result(StartedWith machine, String definition, String roleArn, String mapRunArn, String label) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("stateMachineArn", machine.stateMachineArn())
          .string("name", machine.name())
          .string("definition", definition)
          .string("roleArn", roleArn)
          .timestamp("updateDate", Instant.ofEpochMilli(machine.updateDate()))
          .structure("loggingConfiguration", machine.logging() == null ? LoggingConfiguration.DEFAULT : machine.logging(),
              Configurations::writeLogging)
          .structure("tracingConfiguration", machine.tracing() == null ? TracingConfiguration.DEFAULT : machine.tracing(),
              Configurations::writeTracing)
          .string("mapRunArn", mapRunArn)
          .string("label", label)
          .string("revisionId", machine.revisionId())
          .structure("encryptionConfiguration", machine.encryption(), Configurations::writeEncryption)
          .stringLists("variableReferences", "{}".equals(definition) ? null : VariableReferenceLists.of(definition));
    }
  }

  @Override
  public String name() {
    return "DescribeStateMachineForExecution";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("executionArn", Shapes.ARN, true), in.enumValue("includedData", IncludedData.class, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseStates(r.executionArn(), "execution", "express");
    ExecutionRow row = executions.store.execution(r.executionArn())
        .orElseThrow(() -> Executions.executionDoesNotExist(r.executionArn()));
    StartedWith machine = StartedWith.decode(row.revision());
    if (machine == null) {
      machine = fromRegistry(row);
    }
    String definition = "{}";
    if (r.includedData() != IncludedData.METADATA_ONLY) {
      String sha = machine.definitionSha256();
      definition = executions.backend.definitionText(sha).orElseThrow(() -> new ApiException(500, "InternalFailure",
          "The definition " + sha + " that " + r.executionArn() + " started with is not stored"));
    }
    String label = null;
    if (row.mapRunArn() != null) {
      String childMachine = row.record().stateMachineName();
      label = childMachine.substring(childMachine.lastIndexOf('/') + 1);
    }
    return new Result(machine, definition, row.roleArn(), row.mapRunArn(), label);
  }

  /**
   * An execution stored before the state machine it started with was kept (or by a caller of the
   * runtime that gave none): its own definition, and the rest from the registry as it is now.
   */
  private StartedWith fromRegistry(ExecutionRow row) {
    String arn = row.record().stateMachineArn();
    boolean child = row.mapRunArn() != null;
    String base = child ? arn.substring(0, arn.indexOf('/', arn.indexOf(":stateMachine:"))) : arn;
    StateMachineRecord sm = executions.services.registry().read(view -> view.stateMachine(base)).orElse(null);
    String name = base.substring(base.indexOf(":stateMachine:") + ":stateMachine:".length());
    if (sm == null) {
      return new StartedWith(base, name, row.record().definitionSha256(), null, row.startDate(), null, null, null);
    }
    String sha = child ? executions.digest(sm.revision().definition()) : row.record().definitionSha256();
    return new StartedWith(base, name, sha, null, sm.updateDate().toEpochMilli(), sm.revision().logging(), sm.revision().tracing(),
        sm.revision().encryption());
  }
}
