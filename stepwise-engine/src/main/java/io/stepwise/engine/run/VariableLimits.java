package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import java.util.Iterator;
import java.util.Map;

/**
 * AWS's limits on workflow variables: 256 KiB for one variable, 256 KiB for one Assign, 10 MiB
 * for everything an execution assigns. Sizes are measured only for states that assign.
 */
final class VariableLimits {
  static final int MAX_VARIABLE_BYTES = 256 * 1024;
  static final int MAX_ASSIGN_BYTES = 256 * 1024;
  static final long MAX_EXECUTION_BYTES = 10L * 1024 * 1024;

  private VariableLimits() {}

  static ObjectNode check(ObjectNode assigned, Execution exec) {
    long total = 0;
    Iterator<Map.Entry<String, JsonNode>> it = assigned.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      long size;
      try {
        size = Payloads.size(e.getValue());
      } catch (io.stepwise.asl.json.Json.TooDeepException tooDeep) {
        throw new StatesException(StatesErrors.RUNTIME, Payloads.tooDeep("The variable '" + e.getKey() + "' was assigned a value"));
      }
      if (size > MAX_VARIABLE_BYTES) {
        throw new StatesException(
            StatesErrors.DATA_LIMIT_EXCEEDED,
            "The variable '" + e.getKey() + "' has a size of " + size + " bytes, over the limit of " + MAX_VARIABLE_BYTES + " bytes.");
      }
      total += size;
    }
    if (total > MAX_ASSIGN_BYTES) {
      throw new StatesException(
          StatesErrors.DATA_LIMIT_EXCEEDED,
          "The Assign field assigns " + total + " bytes, over the limit of " + MAX_ASSIGN_BYTES + " bytes.");
    }
    exec.variableBytes += total;
    if (exec.variableBytes > MAX_EXECUTION_BYTES) {
      throw new StatesException(
          StatesErrors.DATA_LIMIT_EXCEEDED,
          "The execution's variables exceed the limit of " + MAX_EXECUTION_BYTES + " bytes.");
    }
    return assigned;
  }
}
