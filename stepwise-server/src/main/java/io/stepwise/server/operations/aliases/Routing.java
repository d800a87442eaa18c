package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.RoutingEntry;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.registry.AliasRecord;
import io.stepwise.server.registry.RegistryView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An alias's routingConfiguration: one or two distinct versions of one state machine, with weights
 * that sum to 100. What the model constrains (one or two entries, weights 0 to 100) is checked with
 * the request; the rest here, in AWS's words, as ValidationException with the reason
 * INVALID_ROUTING_CONFIGURATION.
 */
public final class Routing {
  private static final String REASON = "INVALID_ROUTING_CONFIGURATION";

  private Routing() {}

  public static List<RoutingEntry> read(JsonInput in, boolean required) {
    return in.list("routingConfiguration", Shapes.ROUTING_CONFIGURATION, required, e -> {
      String arn = e.string("stateMachineVersionArn", Shapes.ARN, true);
      Integer weight = e.integer("weight", Shapes.VERSION_WEIGHT, true);
      return new RoutingEntry(arn, weight == null ? 0 : weight);
    });
  }

  public static void write(List<RoutingEntry> routing, JsonOutput out) {
    out.list("routingConfiguration", routing,
        (e, o) -> o.string("stateMachineVersionArn", e.stateMachineVersionArn()).integer("weight", e.weight()));
  }

  /** The unqualified ARN of the one state machine whose versions the routing names. */
  public static String check(List<RoutingEntry> routing) {
    String received = routing.stream().map(RoutingEntry::stateMachineVersionArn).collect(Collectors.joining(", ", "[", "]"));
    Set<String> machines = new HashSet<>();
    Set<String> versions = new HashSet<>();
    int sum = 0;
    for (RoutingEntry e : routing) {
      StateMachineRef ref = Arns.parseStateMachine(e.stateMachineVersionArn());
      if (ref.version() == null) {
        throw invalid("Routing configuration must contain state machine version ARNs. Received: " + received);
      }
      machines.add(ref.baseArn());
      versions.add(Arns.version(ref.baseArn(), ref.version()));
      sum += e.weight();
    }
    if (versions.size() < routing.size()) {
      throw invalid("Routing configuration must contain distinct state machine version ARNs. Received: " + received);
    }
    if (machines.size() > 1) {
      throw invalid("Routing configuration must contain versions of the same state machine. Received: " + received);
    }
    if (sum != 100) {
      String weights = routing.stream().map(e -> Integer.toString(e.weight())).collect(Collectors.joining(", ", "[", "]"));
      throw invalid("Sum of routing configuration weights must equal 100. Received: " + weights);
    }
    return machines.iterator().next();
  }

  /** Every version the routing names exists: else ResourceNotFound naming the first that does not. */
  public static void requireVersions(RegistryView view, List<RoutingEntry> routing) {
    for (RoutingEntry e : routing) {
      if (view.version(e.stateMachineVersionArn()).isEmpty()) {
        throw Errors.resourceNotFound(e.stateMachineVersionArn());
      }
    }
  }

  /** Whether the alias routes any executions to the version. */
  public static boolean routesTo(AliasRecord alias, String versionArn) {
    for (RoutingEntry e : alias.routing()) {
      if (e.stateMachineVersionArn().equals(versionArn)) {
        return true;
      }
    }
    return false;
  }

  private static ApiException invalid(String message) {
    return Errors.validation(message, REASON);
  }
}
