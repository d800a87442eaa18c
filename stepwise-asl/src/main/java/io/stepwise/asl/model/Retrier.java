package io.stepwise.asl.model;

import java.util.List;

/**
 * One element of a state's Retry array, with AWS's defaults filled in.
 *
 * @param maxDelaySeconds cap on the back-off, or null for none
 */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    JitterStrategy jitterStrategy) {}
