package io.stepwise.engine.run;

import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.history.EventType;

/**
 * The event types a task records over its life, by the kind of its resource: a Lambda function
 * ARN records LambdaFunction* events, an activity Activity* events, everything else Task* events.
 */
enum TaskEvents {
  LAMBDA(EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted, EventType.LambdaFunctionSucceeded,
      EventType.LambdaFunctionFailed, EventType.LambdaFunctionTimedOut),
  ACTIVITY(EventType.ActivityScheduled, EventType.ActivityStarted, EventType.ActivitySucceeded,
      EventType.ActivityFailed, EventType.ActivityTimedOut),
  TASK(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded, EventType.TaskFailed, EventType.TaskTimedOut);

  final EventType scheduled;
  final EventType started;
  final EventType succeeded;
  final EventType failed;
  final EventType timedOut;

  TaskEvents(EventType scheduled, EventType started, EventType succeeded, EventType failed, EventType timedOut) {
    this.scheduled = scheduled;
    this.started = started;
    this.succeeded = succeeded;
    this.failed = failed;
    this.timedOut = timedOut;
  }

  static TaskEvents of(ResourceArn resource) {
    return switch (resource.type()) {
      case LAMBDA_FUNCTION -> LAMBDA;
      case ACTIVITY -> ACTIVITY;
      default -> TASK;
    };
  }

  /** Whether a Started event of this kind means the task is running (an activity starts when a worker takes it). */
  boolean startsWhenScheduled() {
    return this != ACTIVITY;
  }
}
