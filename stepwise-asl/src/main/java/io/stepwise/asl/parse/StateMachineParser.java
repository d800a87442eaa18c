package io.stepwise.asl.parse;

import io.stepwise.asl.model.StateMachine;

/** STUB */
public final class StateMachineParser {
  public static StateMachine parse(String definitionText) throws DefinitionException {
    throw new UnsupportedOperationException("TODO");
  }
}
