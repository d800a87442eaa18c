package io.stepwise.server.operations.tags;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.ParsedArn;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.registry.RegistryView;

/**
 * What may carry tags: state machines and activities, by their ARNs. Versions and aliases cannot
 * (ResourceNotFound, as AWS answers); other ARNs are InvalidArn.
 */
final class Taggable {
  private Taggable() {}

  /** Checks the ARN names a taggable resource that exists. */
  static void require(RegistryView view, String arn) {
    ParsedArn p = Arns.parseStates(arn, "stateMachine", "activity");
    boolean exists = p.resourceType().equals("activity")
        ? p.resource().indexOf(':') < 0 && view.activity(arn).isPresent()
        : view.stateMachine(arn).isPresent();
    if (!exists) {
      throw Errors.resourceNotFound(arn);
    }
  }
}
