package io.stepwise.asl.model;

import java.util.List;

/**
 * One element of a state's Catch array.
 *
 * @param resultPath where the error output goes; null when absent (replaces the input)
 * @param assign variables the catcher assigns, or null
 * @param output the JSONata Output of the catcher, or null
 */
public record Catcher(List<String> errorEquals, String next, ResultTarget resultPath, Assignment assign, Expression output) {}
