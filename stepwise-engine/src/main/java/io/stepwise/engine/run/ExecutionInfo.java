package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionType;

/**
 * The identity of one execution: names, ARNs, input, start time. Also the parts of the context
 * object that never change during the execution, built once.
 */
final class ExecutionInfo {
  final String executionArn;
  final String executionName;
  final String stateMachineArn;
  final String stateMachineName;
  final String roleArn;
  final ExecutionType type;
  /** Started by StartSyncExecution, whose context object has no RedriveCount. */
  final boolean synchronous;
  final JsonNode input;
  final long startTime;
  private ObjectNode executionContext;
  private ObjectNode machineContext;

  ExecutionInfo(
      String executionArn,
      String executionName,
      String stateMachineArn,
      String stateMachineName,
      String roleArn,
      ExecutionType type,
      boolean synchronous,
      JsonNode input,
      long startTime) {
    this.executionArn = executionArn;
    this.executionName = executionName;
    this.stateMachineArn = stateMachineArn;
    this.stateMachineName = stateMachineName;
    this.roleArn = roleArn;
    this.type = type;
    this.synchronous = synchronous;
    this.input = input;
    this.startTime = startTime;
  }

  io.stepwise.engine.ExecutionRecord record() {
    return new io.stepwise.engine.ExecutionRecord(executionArn, executionName, stateMachineArn, stateMachineName, type, synchronous);
  }

  ObjectNode executionContext() {
    if (executionContext == null) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("Id", executionArn);
      o.set("Input", input);
      // the field order AWS gives: Standard has StartTime after Input, Express at the end
      if (type == ExecutionType.STANDARD) {
        o.put("StartTime", Times.iso(startTime));
      }
      o.put("Name", executionName);
      o.put("RoleArn", roleArn);
      if (type == ExecutionType.EXPRESS) {
        o.put("StartTime", Times.iso(startTime));
      }
      if (!(synchronous && type == ExecutionType.EXPRESS)) {
        o.put("RedriveCount", 0); // as AWS gives it, although Express executions cannot be redriven
      }
      executionContext = o;
    }
    return executionContext;
  }

  ObjectNode machineContext() {
    if (machineContext == null) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("Id", stateMachineArn);
      o.put("Name", stateMachineName);
      machineContext = o;
    }
    return machineContext;
  }
}
