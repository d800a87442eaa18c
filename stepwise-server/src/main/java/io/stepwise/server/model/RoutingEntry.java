package io.stepwise.server.model;

/** One version an alias routes to, and the percentage of new executions it gets. */
public record RoutingEntry(String stateMachineVersionArn, int weight) {}
