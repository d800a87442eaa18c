package io.stepwise.engine.run;

import io.stepwise.engine.task.LambdaFunction;
import io.stepwise.engine.task.TaskInvoker;
import java.time.InstantSource;
import java.util.Map;

/**
 * Everything an engine is configured with; immutable once built.
 *
 * @param invokers handlers by exact resource ARN
 * @param lambdas Lambda functions by name and by ARN
 * @param fallback handler for resources nobody registered, or null
 * @param stateOutputLimit the most bytes of UTF-8 JSON a state may pass on (AWS: 256 KiB); a
 *     larger output fails the execution with States.DataLimitExceeded
 */
public record EngineConfig(
    String region,
    String account,
    InstantSource clock,
    boolean fastTime,
    Map<String, TaskInvoker> invokers,
    Map<String, LambdaFunction> lambdas,
    TaskInvoker fallback,
    int stateOutputLimit) {

  public EngineConfig {
    invokers = Map.copyOf(invokers);
    lambdas = Map.copyOf(lambdas);
  }

  String stateMachineArn(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }
}
