package io.stepwise.engine;

import java.util.concurrent.CompletableFuture;

/** An execution started in memory ({@link Engine#start}): its ARN and start time, and its result once it ends. */
public record Started(String executionArn, long startTime, CompletableFuture<ExecutionResult> result) {}
