package io.stepwise.asl.model;

import java.util.List;

/** @param defaultNext the Default state, or null */
public record ChoiceState(StateCommon common, List<ChoiceRule> choices, String defaultNext) implements State {
  @Override
  public String typeName() {
    return "Choice";
  }
}
