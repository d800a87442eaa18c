package io.stepwise.server.registry;

import java.time.Instant;

/**
 * A published version: an immutable snapshot of its state machine's revision, numbered from 1.
 *
 * @param arn the state machine's ARN, a colon and the number
 */
public record VersionRecord(
    String arn,
    String stateMachineArn,
    int number,
    Revision revision,
    String description,
    Instant creationDate) {}
