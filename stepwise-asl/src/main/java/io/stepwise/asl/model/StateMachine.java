package io.stepwise.asl.model;

/**
 * A loaded, validated and compiled state machine definition.
 *
 * @param graph the top-level states
 * @param timeoutSeconds the execution timeout, or null
 * @param definition the definition text as given
 */
public record StateMachine(StateGraph graph, String comment, Integer timeoutSeconds, QueryLanguage queryLanguage, String definition) {}
