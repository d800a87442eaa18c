package io.stepwise.integrations.messaging;

import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;

/**
 * A service's one Task action, in its optimised form ({@code arn:aws:states:::sqs:sendMessage}) and
 * its AWS SDK form ({@code arn:aws:states:::aws-sdk:sqs:sendMessage}), each also
 * {@code .waitForTaskToken}, which hands the task on: the message carries the token and the
 * task waits for its callback.
 */
public abstract class OneActionTasks implements TaskHandler {
  private final String service;
  private final String sdkService;
  private final String action;

  /** @param service {@code sqs}; @param sdkService {@code sqs} (as in aws-sdk:sqs); @param action {@code sendMessage} */
  protected OneActionTasks(String service, String sdkService, String action) {
    this.service = service;
    this.sdkService = "aws-sdk:" + sdkService;
    this.action = action;
  }

  @Override
  public final boolean handles(ResourceArn resource, TaskRequest request) {
    return resource.type() == ResourceArn.Type.SERVICE
        && (service.equals(resource.resourceType()) || sdkService.equals(resource.resourceType()))
        && (resource.resource().equals(action) || resource.resource().equals(action + ".waitForTaskToken"));
  }

  @Override
  public final boolean submits(ResourceArn resource, TaskRequest request) {
    return resource.resource().endsWith(".waitForTaskToken");
  }
}
