package io.stepwise.engine.mock;

/**
 * A Task call that a mock answers, as its step schedules it: the mocked response and the number of
 * the call (from 0: the how-manieth time this execution calls the state, Parallel branches and Map
 * iterations included). The engine numbers the calls as it steps, so a replay numbers them alike;
 * whoever invokes the task looks the answer up ({@link MockConfig#answer}).
 */
public record MockCall(String testCase, String response, int call) {}
