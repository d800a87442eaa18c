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
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachineVersionsResponse;
import software.amazon.awssdk.services.sfn.model.PublishStateMachineVersionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions: published by Create/Update with publish and by PublishStateMachineVersion; listed; deleted. */
class VersionsTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static String definition(int n) {
    return PASS.replace("\"End\": true", "\"Result\": " + n + ", \"End\": true");
  }

  @Test
  void createWithPublishMakesVersionOneAndDescribesIt() {
    CreateStateMachineResponse c = t.sfn.createStateMachine(
        b -> b.name(unique("v")).definition(PASS).roleArn(ROLE).publish(true).versionDescription("first"));
    assertThat(c.stateMachineVersionArn()).isEqualTo(c.stateMachineArn() + ":1");
    DescribeStateMachineResponse v = t.sfn.describeStateMachine(b -> b.stateMachineArn(c.stateMachineVersionArn()));
    assertThat(v.stateMachineArn()).isEqualTo(c.stateMachineVersionArn());
    assertThat(v.description()).isEqualTo("first");
    assertThat(v.definition()).isEqualTo(PASS);
    assertThat(v.revisionId()).isNull();
    // idempotent create returns the version it published
    assertThat(t.sfn.createStateMachine(b -> b.name(v.name()).definition(PASS).roleArn(ROLE).publish(true)
        .versionDescription("first")).stateMachineVersionArn()).isEqualTo(c.stateMachineVersionArn());

    ValidationException e = thrown(ValidationException.class,
        () -> t.sfn.createStateMachine(b -> b.name(unique("v")).definition(PASS).roleArn(ROLE).versionDescription("x")));
    assertThat(message(e)).isEqualTo("Version description can only be set when publish is true");
  }

  @Test
  void aRevisionIsPublishedOnceAndNumbersAreNeverReused() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("pub")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    PublishStateMachineVersionResponse v1 = t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn));
    assertThat(v1.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)).stateMachineVersionArn())
        .as("the same revision again").isEqualTo(arn + ":1");

    UpdateStateMachineResponse u = t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition(2)).publish(true));
    assertThat(u.stateMachineVersionArn()).isEqualTo(arn + ":2");
    t.sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn + ":2"));
    t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition(3)));
    assertThat(t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn).description("three")).stateMachineVersionArn())
        .isEqualTo(arn + ":3");

    DescribeStateMachineResponse v3 = t.sfn.describeStateMachine(b -> b.stateMachineArn(arn + ":3"));
    assertThat(v3.definition()).isEqualTo(definition(3));
    assertThat(v3.description()).isEqualTo("three");
    assertThat(v3.revisionId()).isEqualTo(t.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId());
    thrown(StateMachineDoesNotExistException.class, () -> t.sfn.describeStateMachine(b -> b.stateMachineArn(arn + ":2")));
    // deleting a version that is gone succeeds
    t.sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn + ":2"));
  }

  @Test
  void publishHonoursTheRevisionItIsGiven() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("rev")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    assertThat(t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn).revisionId("INITIAL")).stateMachineVersionArn())
        .endsWith(":1");
    String r1 = t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition(1))).revisionId();
    String r2 = t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition(2))).revisionId();
    ConflictException e = thrown(ConflictException.class, () -> t.sfn.publishStateMachineVersion(
        b -> b.stateMachineArn(arn).revisionId(r1)));
    assertThat(message(e)).isEqualTo("Failed to publish the State Machine version for revision " + r1
        + ". The current State Machine revision is " + r2 + ".");
    assertThat(t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn).revisionId(r2)).stateMachineVersionArn())
        .endsWith(":2");
    thrown(StateMachineDoesNotExistException.class,
        () -> t.sfn.publishStateMachineVersion(b -> b.stateMachineArn(t.stateMachineArn("none"))));
  }

  @Test
  void listsTheNewestFirstAcrossPages() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("list")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    for (int i = 1; i <= 5; i++) {
      int n = i;
      t.clock.advance(Duration.ofMillis(10));
      t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition(n)).publish(true));
    }
    ListStateMachineVersionsResponse p1 = t.sfn.listStateMachineVersions(b -> b.stateMachineArn(arn).maxResults(2));
    assertThat(p1.stateMachineVersions()).extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(arn + ":5", arn + ":4");
    // a version deleted between pages does not lose the place
    t.sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn + ":4"));
    ListStateMachineVersionsResponse p2 = t.sfn.listStateMachineVersions(
        b -> b.stateMachineArn(arn).maxResults(2).nextToken(p1.nextToken()));
    assertThat(p2.stateMachineVersions()).extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(arn + ":3", arn + ":2");
    ListStateMachineVersionsResponse p3 = t.sfn.listStateMachineVersions(
        b -> b.stateMachineArn(arn).maxResults(2).nextToken(p2.nextToken()));
    assertThat(p3.stateMachineVersions()).extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(arn + ":1");
    assertThat(p3.nextToken()).isNull();

    // a token is good only for the listing that issued it
    String other = t.sfn.createStateMachine(b -> b.name(unique("other")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    thrown(InvalidTokenException.class, () -> t.sfn.listStateMachineVersions(b -> b.stateMachineArn(other).nextToken(p1.nextToken())));
    thrown(InvalidTokenException.class, () -> t.sfn.listStateMachines(b -> b.nextToken(p1.nextToken())));
    thrown(InvalidTokenException.class, () -> t.sfn.listStateMachineVersions(b -> b.stateMachineArn(arn).nextToken("garbage")));
    // and for 24 hours
    t.clock.advance(Duration.ofHours(24).plusSeconds(1));
    InvalidTokenException expired = thrown(InvalidTokenException.class,
        () -> t.sfn.listStateMachineVersions(b -> b.stateMachineArn(arn).nextToken(p2.nextToken())));
    assertThat(message(expired)).isEqualTo("Invalid Token: 'The token has expired'");
  }
}
