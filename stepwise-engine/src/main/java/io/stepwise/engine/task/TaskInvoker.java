package io.stepwise.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a Task state's resource. Return the result, or throw {@link TaskFailure} to fail with
 * an error name and cause; any other exception fails the task with the exception's class name.
 */
@FunctionalInterface
public interface TaskInvoker {
  JsonNode invoke(TaskRequest request) throws Exception;
}
