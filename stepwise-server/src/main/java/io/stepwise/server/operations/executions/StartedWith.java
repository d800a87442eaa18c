package io.stepwise.server.operations.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.registry.Revision;
import io.stepwise.server.registry.StateMachineRecord;

/**
 * The state machine an execution started with, as DescribeStateMachineForExecution describes it
 * later, whatever updates, new versions or deletions came after: kept with the execution's row (the
 * store's {@code revision} text, JSON) when it starts, and by its Distributed Map children too.
 * The definition itself is kept once, by its digest, beside the store.
 *
 * @param stateMachineArn the unqualified ARN, also for an execution started through a version or an
 *     alias (as AWS describes one)
 * @param definitionSha256 the digest of the definition text the state machine had (for a Map Run's
 *     child, its parent's: the children run the Map's ItemProcessor, which has no text of its own)
 * @param revisionId null for a state machine's first revision, as on AWS
 * @param updateDate epoch millis: when the state machine got this revision (for a version: when it
 *     was published)
 */
public record StartedWith(String stateMachineArn, String name, String definitionSha256, String revisionId, long updateDate,
    LoggingConfiguration logging, TracingConfiguration tracing, EncryptionConfiguration encryption) {
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static StartedWith of(StateMachineRecord machine, Revision revision, String definitionSha256, long updateDate) {
    return new StartedWith(machine.arn(), machine.name(), definitionSha256, revision.revisionId(), updateDate, revision.logging(),
        revision.tracing(), revision.encryption());
  }

  String encode() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the state machine an execution started with", e);
    }
  }

  /** What {@link #encode()} wrote; null for null (an execution stored without it). */
  static StartedWith decode(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readValue(text, StartedWith.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The state machine an execution started with is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
