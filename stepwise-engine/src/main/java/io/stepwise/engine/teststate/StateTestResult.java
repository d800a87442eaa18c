package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a tested state ended.
 *
 * @param output the state's output; null when it failed or would be retried
 * @param error the error, when it failed, would be retried or was caught
 * @param cause the error's cause, or null
 * @param nextState the state it goes to next; null when it ends, fails or would be retried
 * @param inspection what each stage produced
 */
public record StateTestResult(TestStatus status, JsonNode output, String error, String cause, String nextState, Inspection inspection) {}
