package io.stepwise.server.operations;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.registry.Registry;

/**
 * What the operations share: the registry, the ARNs of this server's region and account, the
 * page tokens, and whether a state machine has executions running. One instance per server;
 * everything in it is thread-safe.
 */
public record Services(Registry registry, Arns arns, PageTokens pageTokens, RunningExecutions running) {}
