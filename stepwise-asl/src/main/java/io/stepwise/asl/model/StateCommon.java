package io.stepwise.asl.model;

/**
 * Fields every state may carry, with absent fields as null.
 *
 * @param name the state's name
 * @param queryLanguage the language in force for this state
 * @param inputPath JSONPath InputPath, or null when absent
 * @param outputPath JSONPath OutputPath, or null when absent
 * @param assign Assign, or null
 * @param output JSONata Output, or null
 */
public record StateCommon(
    String name,
    QueryLanguage queryLanguage,
    PathSelector inputPath,
    PathSelector outputPath,
    Assignment assign,
    Expression output) {}
