package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.step.Command;

/** A Distributed Map's child execution that the parent has started and waits for. */
final class PendingChild {
  final FanOut fan;
  final Command.StartChildExecution command;
  /** Handed to the driver in a step's StartChildExecution command. */
  boolean announced;
  boolean done;

  PendingChild(FanOut fan, Command.StartChildExecution command) {
    this.fan = fan;
    this.command = command;
  }

  String arn() {
    return command.record().executionArn();
  }

  int index() {
    return command.index();
  }

  JsonNode input() {
    return command.input();
  }
}
