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
 * @param payloadLimit the most bytes of UTF-8 JSON a task result, a task's input or a state's
 *     output may take (AWS: 256 KiB); more fails with States.DataLimitExceeded.
 *     Integer.MAX_VALUE turns the checks off
 */
public record EngineConfig(
    String region,
    String account,
    InstantSource clock,
    boolean fastTime,
    Map<String, TaskInvoker> invokers,
    Map<String, LambdaFunction> lambdas,
    TaskInvoker fallback,
    int payloadLimit) {

  public EngineConfig {
    invokers = Map.copyOf(invokers);
    lambdas = Map.copyOf(lambdas);
  }

  String stateMachineArn(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }
}
