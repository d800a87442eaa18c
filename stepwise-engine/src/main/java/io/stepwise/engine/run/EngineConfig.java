package io.stepwise.engine.run;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskInvoker;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Everything an engine is configured with; immutable once built.
 *
 * @param invokers task invokers by exact resource ARN
 * @param handlers handlers for families of resources (a service's integrations), asked in this
 *     order after the exact-ARN invokers
 * @param fallback handler for resources nobody registered, or null
 * @param uuids where the names of unnamed executions and the UUIDs of Express ARNs come from
 *     (drawn once, at the start, and then kept in the execution's record)
 * @param payloadLimit the most bytes of UTF-8 JSON a task result, a task's input or a state's
 *     output may take (AWS: 256 KiB); more fails with States.DataLimitExceeded.
 *     Integer.MAX_VALUE turns the checks off
 * @param mocks the mock configuration whose test cases executions may be started with
 */
public record EngineConfig(
    String region,
    String account,
    InstantSource clock,
    boolean fastTime,
    Map<String, TaskInvoker> invokers,
    List<TaskHandler> handlers,
    TaskInvoker fallback,
    int payloadLimit,
    java.util.function.Supplier<String> uuids,
    io.stepwise.engine.mock.MockConfig mocks) {

  public EngineConfig {
    invokers = Map.copyOf(invokers);
    handlers = List.copyOf(handlers);
    mocks = mocks == null ? io.stepwise.engine.mock.MockConfig.EMPTY : mocks;
  }

  public EngineConfig(String region, String account, InstantSource clock, boolean fastTime, Map<String, TaskInvoker> invokers,
      List<TaskHandler> handlers, TaskInvoker fallback, int payloadLimit, java.util.function.Supplier<String> uuids) {
    this(region, account, clock, fastTime, invokers, handlers, fallback, payloadLimit, uuids, null);
  }

  String stateMachineArn(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }
}
