package io.stepwise.server.api;

import static io.stepwise.server.TestServer.PASS;
import static io.stepwise.server.TestServer.ROLE;
import static io.stepwise.server.TestServer.unique;
import static io.stepwise.server.api.SdkErrors.message;
import static io.stepwise.server.api.SdkErrors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TagResource, UntagResource, ListTagsForResource on state machines and activities. */
class TagsTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static Tag tag(String k, String v) {
    return Tag.builder().key(k).value(v).build();
  }

  @Test
  void tagsUntagsAndListsInOrder() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("tags")).definition(PASS).roleArn(ROLE).tags(tag("a", "1")))
        .stateMachineArn();
    t.sfn.tagResource(b -> b.resourceArn(arn).tags(tag("b", "2"), tag("a", "one"), tag("c", "")));
    assertThat(t.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(tag("a", "one"), tag("b", "2"), tag("c", ""));
    t.sfn.untagResource(b -> b.resourceArn(arn).tagKeys("b", "nope"));
    assertThat(t.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(tag("a", "one"), tag("c", ""));

    String activity = t.sfn.createActivity(b -> b.name(unique("tagged"))).activityArn();
    t.sfn.tagResource(b -> b.resourceArn(activity).tags(tag("k", "v")));
    assertThat(t.sfn.listTagsForResource(b -> b.resourceArn(activity)).tags()).containsExactly(tag("k", "v"));
  }

  @Test
  void onlyStateMachinesAndActivitiesThatExistTakeTags() {
    String version = t.sfn.createStateMachine(b -> b.name(unique("ver")).definition(PASS).roleArn(ROLE).publish(true))
        .stateMachineVersionArn();
    ResourceNotFoundException e = thrown(ResourceNotFoundException.class,
        () -> t.sfn.tagResource(b -> b.resourceArn(version).tags(tag("k", "v"))));
    assertThat(message(e)).isEqualTo("Resource not found: '" + version + "'");
    assertThat(e.resourceName()).isEqualTo(version);
    thrown(ResourceNotFoundException.class, () -> t.sfn.listTagsForResource(b -> b.resourceArn(t.stateMachineArn("ghost"))));
    thrown(InvalidArnException.class, () -> t.sfn.listTagsForResource(
        b -> b.resourceArn("arn:aws:states:us-east-1:123456789012:execution:m:e")));
  }

  @Test
  void fiftyTagsAtMostAndNoReservedKeys() {
    String arn = t.sfn.createStateMachine(b -> b.name(unique("many")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(tag("k" + i, "v"));
    }
    t.sfn.tagResource(b -> b.resourceArn(arn).tags(fifty));
    TooManyTagsException e = thrown(TooManyTagsException.class, () -> t.sfn.tagResource(b -> b.resourceArn(arn).tags(tag("one", "more"))));
    assertThat(e.resourceName()).isEqualTo(arn);
    t.sfn.tagResource(b -> b.resourceArn(arn).tags(tag("k0", "replaced"))); // a key it has already is no 51st
    thrown(ValidationException.class, () -> t.sfn.tagResource(b -> b.resourceArn(arn).tags(tag("aws:x", "v"))));
    thrown(ValidationException.class, () -> t.sfn.tagResource(b -> b.resourceArn(arn).tags(tag("bad#key", "v"))));
  }
}
