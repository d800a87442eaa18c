package io.stepwise.asl.model;

/** A state of a state machine: the closed set of ASL state types. */
public sealed interface State
    permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {
  StateCommon common();

  default String name() {
    return common().name();
  }

  /** The history name prefix AWS uses for this state type, e.g. "Pass" in PassStateEntered. */
  String typeName();
}
