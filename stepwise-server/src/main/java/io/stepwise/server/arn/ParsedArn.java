package io.stepwise.server.arn;

/**
 * An ARN split at its first six colons: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE:RESOURCE}.
 * The resource keeps any further colons (a version's number, an alias's name).
 */
public record ParsedArn(String text, String partition, String service, String region, String account,
    String resourceType, String resource) {}
