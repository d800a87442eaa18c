package io.stepwise.asl.model;

/** STUB */
public record StateMachine(String startAt) {}
