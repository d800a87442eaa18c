package io.stepwise.server.model;

/** Server-side encryption settings, kept as given (Stepwise calls no KMS). */
public record EncryptionConfiguration(EncryptionType type, String kmsKeyId, Integer kmsDataKeyReusePeriodSeconds) {}
