package io.stepwise.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invocation of a Task state's resource.
 *
 * @param resource the Task's Resource ARN
 * @param input the effective input (after InputPath and Parameters)
 * @param stateName the Task state's name
 * @param executionArn the execution's ARN
 * @param context the context object ($$) at the time of the call
 * @param taskToken the task token, for .waitForTaskToken resources; null otherwise
 */
public record TaskRequest(
    String resource,
    JsonNode input,
    String stateName,
    String executionArn,
    JsonNode context,
    String taskToken) {}
