package io.stepwise.server.arn;

/**
 * A state machine ARN, unqualified or qualified: by a version number, an alias name, or a
 * Distributed Map's label ({@code NAME/LABEL}).
 *
 * @param baseArn the unqualified state machine's ARN
 * @param version the version number, or null
 * @param alias the alias name, or null
 * @param label the Map label, or null
 */
public record StateMachineRef(String arn, String baseArn, String name, Integer version, String alias, String label) {
  public boolean isUnqualified() {
    return version == null && alias == null && label == null;
  }
}
