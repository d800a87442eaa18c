package io.stepwise.server.operations.statemachines;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.Names;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.registry.RegistryView;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.protocol.ApiException;
import java.util.regex.Pattern;

/** What the state machine operations check alike: names, role ARNs, and which ARN they take. */
public final class StateMachineRules {
  /** An IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
  private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z0-9-]+:iam::[0-9]*:role/.+");

  private StateMachineRules() {}

  public static void checkName(String name) {
    if (!Names.valid(name)) {
      throw Errors.invalidName(name);
    }
  }

  public static void checkRoleArn(String roleArn) {
    if (!ROLE_ARN.matcher(roleArn).matches()) {
      throw ApiException.client("InvalidArn", "Invalid Role Arn: '" + roleArn + "'");
    }
  }

  /**
   * The state machine an operation that changes one names: its unqualified ARN. A Map label is
   * AWS's ValidationException; a version or alias ARN names no state machine that can be
   * changed, which AWS answers as one that does not exist.
   */
  public static StateMachineRef unqualified(String arn) {
    StateMachineRef ref = Arns.parseStateMachine(arn);
    if (ref.label() != null) {
      throw labelled();
    }
    if (!ref.isUnqualified()) {
      throw Errors.stateMachineDoesNotExist(arn);
    }
    return ref;
  }

  public static ApiException labelled() {
    return Errors.validation("This operation does not support a state machine ARN qualified by a Map label",
        "API_DOES_NOT_SUPPORT_LABELED_ARNS");
  }

  /** The ACTIVE state machine at {@code arn}; StateMachineDoesNotExist or StateMachineDeleting otherwise. */
  public static StateMachineRecord active(RegistryView view, String arn) {
    StateMachineRecord sm = view.stateMachine(arn).orElseThrow(() -> Errors.stateMachineDoesNotExist(arn));
    if (sm.status() == StateMachineStatus.DELETING) {
      throw Errors.stateMachineDeleting(arn);
    }
    return sm;
  }

  static LoggingConfiguration orDefault(LoggingConfiguration l) {
    return l == null ? LoggingConfiguration.DEFAULT : l;
  }

  static TracingConfiguration orDefault(TracingConfiguration t) {
    return t == null ? TracingConfiguration.DEFAULT : t;
  }
}
