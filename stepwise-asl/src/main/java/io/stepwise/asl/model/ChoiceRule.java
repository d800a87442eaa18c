package io.stepwise.asl.model;

/** A top-level Choice rule: a condition and where to go when it holds. */
public record ChoiceRule(Condition condition, String next, Assignment assign, Expression output) {}
