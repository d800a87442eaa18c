package io.stepwise.asl.model;

/**
 * A Distributed Map's ResultWriter. Null fields are absent.
 *
 * @param resource the Resource ARN as written (e.g. {@code arn:aws:states:::s3:putObject})
 * @param arguments Parameters (JSONPath) or Arguments (JSONata): Bucket and Prefix
 * @param outputType WriterConfig.OutputType: JSON or JSONL
 * @param transformation WriterConfig.Transformation: NONE, COMPACT or FLATTEN
 */
public record ResultWriter(String resource, Expression arguments, String outputType, String transformation) {}
