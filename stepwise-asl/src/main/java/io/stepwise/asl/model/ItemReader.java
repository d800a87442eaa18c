package io.stepwise.asl.model;

/**
 * A Distributed Map's ItemReader: the S3 call that fetches the dataset and how its result is
 * parsed into items.
 *
 * @param resource the Resource ARN as written (e.g. {@code arn:aws:states:::s3:getObject})
 * @param arguments the request: Parameters (JSONPath) or Arguments (JSONata); null when absent
 * @param config ReaderConfig; {@link ReaderConfig#NONE} when absent
 */
public record ItemReader(String resource, Expression arguments, ReaderConfig config) {}
