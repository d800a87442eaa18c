package io.stepwise.engine.history;

/** History event types, named exactly as AWS names them. */
public enum EventType {
  ExecutionStarted,
  ExecutionSucceeded,
  ExecutionFailed,
  ExecutionTimedOut,
  ExecutionAborted,
  ExecutionRedriven,
  PassStateEntered,
  PassStateExited,
  TaskStateEntered,
  TaskStateExited,
  TaskStateAborted,
  ChoiceStateEntered,
  ChoiceStateExited,
  WaitStateEntered,
  WaitStateExited,
  WaitStateAborted,
  SucceedStateEntered,
  SucceedStateExited,
  FailStateEntered,
  ParallelStateEntered,
  ParallelStateStarted,
  ParallelStateSucceeded,
  ParallelStateFailed,
  ParallelStateAborted,
  ParallelStateExited,
  MapStateEntered,
  MapStateStarted,
  MapStateSucceeded,
  MapStateFailed,
  MapStateAborted,
  MapStateExited,
  MapIterationStarted,
  MapIterationSucceeded,
  MapIterationFailed,
  MapIterationAborted,
  MapRunStarted,
  MapRunSucceeded,
  MapRunFailed,
  MapRunAborted,
  MapRunRedriven,
  TaskScheduled,
  TaskStarted,
  TaskSucceeded,
  TaskFailed,
  TaskTimedOut,
  TaskSubmitted,
  LambdaFunctionScheduled,
  LambdaFunctionStarted,
  LambdaFunctionSucceeded,
  LambdaFunctionFailed,
  LambdaFunctionTimedOut,
  ActivityScheduled,
  ActivityScheduleFailed,
  ActivityStarted,
  ActivitySucceeded,
  ActivityFailed,
  ActivityTimedOut,
  EvaluationFailed;

  /** The Entered and Exited types of each state type, so the hot path builds no strings. */
  public static EventType entered(String stateType) {
    return switch (stateType) {
      case "Pass" -> PassStateEntered;
      case "Task" -> TaskStateEntered;
      case "Choice" -> ChoiceStateEntered;
      case "Wait" -> WaitStateEntered;
      case "Succeed" -> SucceedStateEntered;
      case "Fail" -> FailStateEntered;
      case "Parallel" -> ParallelStateEntered;
      case "Map" -> MapStateEntered;
      default -> throw new IllegalArgumentException(stateType);
    };
  }

  public static EventType exited(String stateType) {
    return switch (stateType) {
      case "Pass" -> PassStateExited;
      case "Task" -> TaskStateExited;
      case "Choice" -> ChoiceStateExited;
      case "Wait" -> WaitStateExited;
      case "Succeed" -> SucceedStateExited;
      case "Parallel" -> ParallelStateExited;
      case "Map" -> MapStateExited;
      default -> throw new IllegalArgumentException(stateType);
    };
  }

  public boolean endsExecution() {
    return this == ExecutionSucceeded || this == ExecutionFailed || this == ExecutionTimedOut || this == ExecutionAborted;
  }
}
