package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionRecord;
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
  /** The most bytes of a state's output or a task's input or result; Integer.MAX_VALUE: not checked. */
  final int payloadLimit;
  final JsonNode input;
  final long startTime;
  /** The version and alias it was started through, or null: ExecutionStarted records them. */
  final String versionArn;
  final String aliasArn;
  private final ExecutionRecord record;
  /** How many times it was redriven, and when last (epoch millis; only after a redrive): the context object has both. */
  private int redriveCount;
  private long redriveTime;
  private ObjectNode executionContext;
  private ObjectNode machineContext;

  ExecutionInfo(ExecutionRecord record, String roleArn, JsonNode input, long startTime) {
    this(record, roleArn, input, startTime, null, null);
  }

  ExecutionInfo(ExecutionRecord record, String roleArn, JsonNode input, long startTime, String versionArn, String aliasArn) {
    this.versionArn = versionArn;
    this.aliasArn = aliasArn;
    this.record = record;
    this.executionArn = record.executionArn();
    this.executionName = record.executionName();
    this.stateMachineArn = record.stateMachineArn();
    this.stateMachineName = record.stateMachineName();
    this.type = record.type();
    this.synchronous = record.synchronous();
    this.payloadLimit = record.payloadLimit();
    this.roleArn = roleArn;
    this.input = input;
    this.startTime = startTime;
  }

  /** The region, from the ARN; read only by what needs it (tasks, Map Runs), so most executions never parse it. */
  String region() {
    return record.region();
  }

  String account() {
    return record.account();
  }

  ExecutionRecord record() {
    return record;
  }

  int redriveCount() {
    return redriveCount;
  }

  /**
   * Whether it is a Distributed Map's child: its state machine is the parent's and the Map's
   * label, {@code MACHINE/LABEL}, a name no state machine of its own can have (AWS allows no '/'
   * in a name).
   */
  boolean mapRunChild() {
    return stateMachineName.indexOf('/') >= 0;
  }

  /** A redrive at {@code millis}: $$.Execution.RedriveCount counts it and RedriveTime says when. */
  void redriven(long millis) {
    redriveCount++;
    redriveTime = millis;
    executionContext = null;
  }

  /** Whether payload sizes are checked at all. */
  boolean checksPayloads() {
    return payloadLimit != Integer.MAX_VALUE;
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
        o.put("RedriveCount", redriveCount); // 0 for Express too, as AWS gives it, although they cannot be redriven
      }
      if (redriveCount > 0 && type == ExecutionType.STANDARD) {
        // AWS: only once the execution was redriven, and never for an Express Map Run child started again
        o.put("RedriveTime", Times.iso(redriveTime));
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
