package io.stepwise.server.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.VariableReferences;
import java.util.List;
import java.util.Map;

/** The {@code variableReferences} of DescribeStateMachine and DescribeStateMachineForExecution. */
public final class VariableReferenceLists {
  private VariableReferenceLists() {}

  /** Of a stored definition's text (which was valid when it was stored; empty if it no longer reads). */
  public static Map<String, List<String>> of(String definition) {
    try {
      return VariableReferences.of(Json.parse(definition));
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
