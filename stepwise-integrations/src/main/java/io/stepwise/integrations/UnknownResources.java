package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;

/**
 * The last handler {@code stepwise serve} asks: a Task whose resource no integration answers fails
 * with States.TaskFailed and a cause that says what Stepwise can call and how to answer this one
 * instead. A {@code .waitForTaskToken} task is left alone: with nothing to call, it waits for
 * SendTaskSuccess or SendTaskFailure from outside, which is how a test or a worker answers a
 * service Stepwise does not have.
 */
public final class UnknownResources implements TaskHandler {
  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    return !request.resource().endsWith(".waitForTaskToken");
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) throws TaskFailure {
    String what = switch (resource.type()) {
      case SERVICE -> resource.resourceType().startsWith("aws-sdk:")
          ? "the AWS SDK integration with " + resource.resourceType().substring("aws-sdk:".length())
          : "the " + resource.resourceType() + " integration";
      case OTHER -> "the resource";
      default -> "the resource";
    };
    throw new TaskFailure("States.TaskFailed", "Stepwise cannot call " + what + " of the state '" + request.stateName() + "' ("
        + request.resource() + "): it calls Lambda, DynamoDB, S3, SQS, SNS, EventBridge (each local, or an endpoint set under"
        + " services: in stepwise.yaml), HTTP Tasks, nested executions and activities. Answer this task another way: use the resource's"
        + " .waitForTaskToken form and send SendTaskSuccess, call the service from a Lambda function declared under functions:,"
        + " or mock it.");
  }
}
