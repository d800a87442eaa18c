package io.stepwise.server.api;

import static io.stepwise.server.TestServer.PASS;
import static io.stepwise.server.TestServer.ROLE;
import static io.stepwise.server.TestServer.unique;
import static io.stepwise.server.api.SdkErrors.message;
import static io.stepwise.server.api.SdkErrors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.server.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAliasListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sfn.model.ValidationExceptionReason;

/** Aliases: routing to one or two versions, idempotent creation, updates, listing, deletion. */
class AliasesTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** A state machine with versions 1 and 2; returns its ARN. */
  private static String machineWithTwoVersions() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("alias")).definition(PASS).roleArn(ROLE).publish(true))
        .stateMachineArn();
    t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS.replace(" ", "")).publish(true));
    return arn;
  }

  private static RoutingConfigurationListItem route(String versionArn, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
  }

  @Test
  void createsDescribesUpdatesAndDeletes() {
    String sm = machineWithTwoVersions();
    CreateStateMachineAliasResponse c = t.sfn.createStateMachineAlias(
        b -> b.name("PROD").description("live").routingConfiguration(route(sm + ":1", 100)));
    assertThat(c.stateMachineAliasArn()).isEqualTo(sm + ":PROD");
    DescribeStateMachineAliasResponse d = t.sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn()));
    assertThat(d.name()).isEqualTo("PROD");
    assertThat(d.description()).isEqualTo("live");
    assertThat(d.routingConfiguration()).containsExactly(route(sm + ":1", 100));
    assertThat(d.creationDate()).isEqualTo(c.creationDate());
    assertThat(d.updateDate()).isEqualTo(c.creationDate());

    // the same request again is the same alias; the same name otherwise is a conflict
    assertThat(t.sfn.createStateMachineAlias(b -> b.name("PROD").description("live").routingConfiguration(route(sm + ":1", 100)))
        .creationDate()).isEqualTo(c.creationDate());
    ConflictException conflict = thrown(ConflictException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("PROD").routingConfiguration(route(sm + ":2", 100))));
    assertThat(message(conflict)).isEqualTo("Failed to create alias because an alias with the same name and a "
        + "different routing configuration already exists.");

    t.clock.advance(Duration.ofSeconds(3));
    t.sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn())
        .routingConfiguration(route(sm + ":1", 50), route(sm + ":2", 50)));
    DescribeStateMachineAliasResponse u = t.sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn()));
    assertThat(u.routingConfiguration()).containsExactly(route(sm + ":1", 50), route(sm + ":2", 50));
    assertThat(u.description()).isEqualTo("live");
    assertThat(u.updateDate()).isEqualTo(t.clock.instant());

    // a version an alias routes to cannot be deleted
    ConflictException inUse = thrown(ConflictException.class,
        () -> t.sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(sm + ":2")));
    assertThat(message(inUse)).isEqualTo("Version to be deleted must not be referenced by an alias. "
        + "Current list of aliases referencing this version: [PROD]");

    t.sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn()));
    ResourceNotFoundException gone = thrown(ResourceNotFoundException.class,
        () -> t.sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn())));
    assertThat(message(gone)).isEqualTo("Request references a resource that does not exist.");
    thrown(ResourceNotFoundException.class, () -> t.sfn.updateStateMachineAlias(
        b -> b.stateMachineAliasArn(c.stateMachineAliasArn()).description("x")));
    t.sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(c.stateMachineAliasArn()));
    t.sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(sm + ":2"));
  }

  @Test
  void routingIsCheckedAsAwsChecksIt() {
    String sm = machineWithTwoVersions();
    ValidationException sum = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm + ":1", 70), route(sm + ":2", 29))));
    assertThat(message(sum)).isEqualTo("Sum of routing configuration weights must equal 100. Received: [70, 29]");
    assertThat(sum.reason()).isEqualTo(ValidationExceptionReason.INVALID_ROUTING_CONFIGURATION);

    ValidationException big = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm + ":1", 101))));
    assertThat(message(big)).isEqualTo("1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' "
        + "failed to satisfy constraint: Member must have value less than or equal to 100");

    ValidationException three = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm + ":1", 50), route(sm + ":2", 30), route(sm + ":3", 20))));
    assertThat(message(three)).startsWith("1 validation error detected: Value '[RoutingConfigurationListItem(")
        .endsWith("' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2");

    ValidationException unversioned = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm, 100))));
    assertThat(message(unversioned)).isEqualTo("Routing configuration must contain state machine version ARNs. Received: [" + sm + "]");

    ValidationException twice = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm + ":1", 50), route(sm + ":1", 50))));
    assertThat(message(twice)).startsWith("Routing configuration must contain distinct state machine version ARNs.");

    ValidationException name = thrown(ValidationException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("123").routingConfiguration(route(sm + ":1", 100))));
    assertThat(message(name)).isEqualTo("1 validation error detected: Value '123' at 'name' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");

    ResourceNotFoundException missing = thrown(ResourceNotFoundException.class, () -> t.sfn.createStateMachineAlias(
        b -> b.name("a").routingConfiguration(route(sm + ":9", 100))));
    assertThat(message(missing)).isEqualTo("Resource not found: '" + sm + ":9'");
  }

  @Test
  void listsOldestFirstAndByVersion() {
    String sm = machineWithTwoVersions();
    for (String n : new String[] {"zeta", "alpha", "mid"}) {
      t.clock.advance(Duration.ofMillis(5));
      t.sfn.createStateMachineAlias(b -> b.name(n).routingConfiguration(route(sm + (n.equals("mid") ? ":2" : ":1"), 100)));
    }
    assertThat(t.sfn.listStateMachineAliases(b -> b.stateMachineArn(sm)).stateMachineAliases())
        .extracting(StateMachineAliasListItem::stateMachineAliasArn)
        .containsExactly(sm + ":zeta", sm + ":alpha", sm + ":mid");
    var page = t.sfn.listStateMachineAliases(b -> b.stateMachineArn(sm).maxResults(2));
    assertThat(page.stateMachineAliases()).hasSize(2);
    assertThat(t.sfn.listStateMachineAliases(b -> b.stateMachineArn(sm).nextToken(page.nextToken())).stateMachineAliases())
        .extracting(StateMachineAliasListItem::stateMachineAliasArn).containsExactly(sm + ":mid");
    assertThat(t.sfn.listStateMachineAliases(b -> b.stateMachineArn(sm + ":2")).stateMachineAliases())
        .extracting(StateMachineAliasListItem::stateMachineAliasArn).containsExactly(sm + ":mid");
  }
}
