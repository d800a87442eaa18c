package io.stepwise.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * @param next the next state, or null for End
 * @param result the Result literal, or null
 * @param parameters Parameters, or null
 * @param resultPath ResultPath, or null when absent
 */
public record PassState(StateCommon common, String next, JsonNode result, Expression parameters, ResultTarget resultPath)
    implements State {
  @Override
  public String typeName() {
    return "Pass";
  }
}
