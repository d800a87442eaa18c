package io.stepwise.server.model;

/** A state machine's type; it cannot change after creation. */
public enum StateMachineType { STANDARD, EXPRESS }
