package io.stepwise.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;

/**
 * Answers the tasks of a whole family of resources, such as one service's integrations, where
 * a {@link TaskInvoker} answers one exact resource ARN. This is how a module that emulates or
 * calls a service plugs into the engine, which itself knows no service: it asks each handler
 * registered with {@code Engine.Builder.handler} in turn, after the exact-ARN invokers and
 * before the fallback, and the first that {@link #handles} the task runs it.
 *
 * <p>Handlers are called from many threads at once (each task runs on its own virtual thread).
 */
public interface TaskHandler {
  /**
   * Whether this handler answers the task. The engine also asks it, without invoking, whether a
   * {@code .waitForTaskToken} task has anyone to answer it (if no one does, the task waits for a
   * callback from outside), so it must be quick and have no effects. A handler may claim a task
   * it then fails, as a service fails a call to a function that does not exist.
   *
   * @param resource the Task's resource ARN, as parsed when the definition was loaded
   * @param request the call, with the same ARN as text in {@link TaskRequest#resource()}
   */
  boolean handles(ResourceArn resource, TaskRequest request);

  /**
   * Runs a task this handler {@link #handles}. As for {@link TaskInvoker#invoke}: return the
   * result (for a {@code .waitForTaskToken} resource, what the callback would send), or throw
   * {@link TaskFailure} to fail with an error name and cause; any other exception fails the task
   * with the exception's class name and message.
   */
  JsonNode invoke(ResourceArn resource, TaskRequest request) throws Exception;

  /**
   * For a {@code .waitForTaskToken} resource this handler {@link #handles}: whether {@link #invoke}
   * only hands the task on (sends the message that carries the task token, as SQS or SNS would)
   * and the outcome is the callback's. Its result is then recorded as TaskSubmitted and the task
   * waits for SendTaskSuccess or SendTaskFailure; a failure fails the task at once. False (the
   * default): what invoke returns stands for the callback. Quick and without effects, like
   * {@link #handles}.
   */
  default boolean submits(ResourceArn resource, TaskRequest request) {
    return false;
  }

  /**
   * The task ended without its outcome: its execution stopped or ended, a sibling branch or
   * iteration failed, or it timed out. Stop what {@link #invoke} started, best effort, as AWS stops
   * the job of a {@code .sync} task it aborts (a nested execution with StopExecution). Called by
   * the durable runtime once the step that ended the task is stored, on a thread of its own, maybe
   * while {@code invoke} still runs (it is interrupted); not called again after a crash, so a
   * handler that must stop its work keeps its own record and looks at it when it starts. The
   * default does nothing: most calls are over by the time their task ends.
   */
  default void cancel(ResourceArn resource, TaskRequest request) {}
}
