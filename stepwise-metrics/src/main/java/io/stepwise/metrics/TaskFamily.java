package io.stepwise.metrics;

import io.stepwise.engine.history.EventType;

/**
 * The three families of task events and the CloudWatch names AWS gives their metrics (namespace
 * AWS/States): activities by ActivityArn, Lambda functions by LambdaFunctionArn, service
 * integrations by ServiceIntegrationResourceArn.
 */
enum TaskFamily {
  ACTIVITY("ActivityArn", "Activities", "Activity"),
  LAMBDA("LambdaFunctionArn", "LambdaFunctions", "LambdaFunction"),
  SERVICE("ServiceIntegrationResourceArn", "ServiceIntegrations", "ServiceIntegration");

  /** The label (CloudWatch dimension) that names the resource. */
  final String label;
  /** The prefix of the counters: ActivitiesScheduled, LambdaFunctionsSucceeded, ... */
  final String plural;
  /** The prefix of the timers: ActivityRunTime, LambdaFunctionScheduleTime, ... */
  final String singular;

  TaskFamily(String label, String plural, String singular) {
    this.label = label;
    this.plural = plural;
    this.singular = singular;
  }

  /** What a task event is in its family's life, or null for an event that is no task's. */
  enum Phase { SCHEDULED, STARTED, SUCCEEDED, FAILED, TIMED_OUT }

  static TaskFamily of(EventType type) {
    return switch (type) {
      case ActivityScheduled, ActivityScheduleFailed, ActivityStarted, ActivitySucceeded, ActivityFailed, ActivityTimedOut -> ACTIVITY;
      case LambdaFunctionScheduled, LambdaFunctionStarted, LambdaFunctionSucceeded, LambdaFunctionFailed, LambdaFunctionTimedOut -> LAMBDA;
      case TaskScheduled, TaskStarted, TaskSucceeded, TaskFailed, TaskTimedOut -> SERVICE;
      default -> null;
    };
  }

  static Phase phase(EventType type) {
    return switch (type) {
      case ActivityScheduled, LambdaFunctionScheduled, TaskScheduled -> Phase.SCHEDULED;
      case ActivityStarted, LambdaFunctionStarted, TaskStarted -> Phase.STARTED;
      case ActivitySucceeded, LambdaFunctionSucceeded, TaskSucceeded -> Phase.SUCCEEDED;
      case ActivityFailed, ActivityScheduleFailed, LambdaFunctionFailed, TaskFailed -> Phase.FAILED;
      case ActivityTimedOut, LambdaFunctionTimedOut, TaskTimedOut -> Phase.TIMED_OUT;
      default -> null;
    };
  }
}
