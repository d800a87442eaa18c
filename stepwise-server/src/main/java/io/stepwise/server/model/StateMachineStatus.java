package io.stepwise.server.model;

/** ACTIVE, or DELETING while executions that outlive DeleteStateMachine finish. */
public enum StateMachineStatus { ACTIVE, DELETING }
