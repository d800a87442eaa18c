package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.statemachines.StateMachineRules;

/** Reading an alias ARN, which the alias operations share. */
final class AliasArns {
  private AliasArns() {}

  /** An alias ARN ({@code ...:stateMachine:NAME:ALIAS}); InvalidArn for any other. */
  static StateMachineRef alias(String arn) {
    StateMachineRef ref = Arns.parseStateMachine(arn);
    if (ref.label() != null) {
      throw StateMachineRules.labelled();
    }
    if (ref.alias() == null) {
      throw Arns.invalid(arn);
    }
    return ref;
  }
}
