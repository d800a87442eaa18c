package io.stepwise.server.registry;

import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.TracingConfiguration;

/**
 * One configuration of a state machine: what an execution runs with, what a version freezes.
 * {@code revisionId} is null until the first update that changes something, as on AWS;
 * {@code encryption} is null when none was given.
 */
public record Revision(
    String definition,
    String roleArn,
    LoggingConfiguration logging,
    TracingConfiguration tracing,
    EncryptionConfiguration encryption,
    String revisionId) {}
