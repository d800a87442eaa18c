package io.stepwise.server.registry;

import io.stepwise.server.model.EncryptionConfiguration;
import java.time.Instant;

/** An activity: a name workers poll for tasks by. {@code encryption} is null when none was given. */
public record ActivityRecord(String arn, String name, EncryptionConfiguration encryption, Instant creationDate) {}
