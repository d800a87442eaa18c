package io.stepwise.server.api;

import static io.stepwise.server.TestServer.unique;
import static io.stepwise.server.api.SdkErrors.message;
import static io.stepwise.server.api.SdkErrors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.server.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ActivityAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.CreateActivityResponse;
import software.amazon.awssdk.services.sfn.model.DescribeActivityResponse;
import software.amazon.awssdk.services.sfn.model.EncryptionType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListActivitiesResponse;
import software.amazon.awssdk.services.sfn.model.Tag;

/** Activities: idempotent creation by name, description, deletion, listing. */
class ActivitiesTest {
  @Test
  void createsIdempotentlyDescribesAndDeletes() {
    try (TestServer t = new TestServer()) {
      String name = unique("worker");
      CreateActivityResponse c = t.sfn.createActivity(b -> b.name(name).tags(Tag.builder().key("team").value("a").build()));
      assertThat(c.activityArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:" + name);
      t.clock.advance(Duration.ofSeconds(1));
      // the same name again is the same activity; other tags are ignored
      CreateActivityResponse again = t.sfn.createActivity(b -> b.name(name).tags(Tag.builder().key("team").value("b").build()));
      assertThat(again.creationDate()).isEqualTo(c.creationDate());
      assertThat(t.sfn.listTagsForResource(b -> b.resourceArn(c.activityArn())).tags().get(0).value()).isEqualTo("a");
      // its encryption may not change
      thrown(ActivityAlreadyExistsException.class, () -> t.sfn.createActivity(
          b -> b.name(name).encryptionConfiguration(e -> e.type(EncryptionType.CUSTOMER_MANAGED_KMS_KEY).kmsKeyId("k"))));

      DescribeActivityResponse d = t.sfn.describeActivity(b -> b.activityArn(c.activityArn()));
      assertThat(d.name()).isEqualTo(name);
      assertThat(d.creationDate()).isEqualTo(c.creationDate());

      t.sfn.deleteActivity(b -> b.activityArn(c.activityArn()));
      ActivityDoesNotExistException e = thrown(ActivityDoesNotExistException.class,
          () -> t.sfn.describeActivity(b -> b.activityArn(c.activityArn())));
      assertThat(message(e)).isEqualTo("Activity Does Not Exist: '" + c.activityArn() + "'");
      t.sfn.deleteActivity(b -> b.activityArn(c.activityArn())); // deleting it again succeeds

      InvalidNameException bad = thrown(InvalidNameException.class, () -> t.sfn.createActivity(b -> b.name("TestActivity InvalidName$")));
      assertThat(message(bad)).isEqualTo("Invalid Name: 'TestActivity InvalidName$'");
      InvalidArnException arn = thrown(InvalidArnException.class,
          () -> t.sfn.describeActivity(b -> b.activityArn(t.stateMachineArn("x"))));
      assertThat(message(arn)).isEqualTo("Invalid Arn: 'Resource type not valid in this context: stateMachine'");
    }
  }

  @Test
  void listsInNameOrderAcrossPages() {
    try (TestServer t = new TestServer()) {
      for (String n : new String[] {"c", "a", "d", "b", "e"}) {
        t.sfn.createActivity(b -> b.name(n));
      }
      ListActivitiesResponse p1 = t.sfn.listActivities(b -> b.maxResults(3));
      assertThat(p1.activities()).extracting(ActivityListItem::name).containsExactly("a", "b", "c");
      // an activity deleted between pages does not disturb the next one
      t.sfn.deleteActivity(b -> b.activityArn(p1.activities().get(2).activityArn()));
      ListActivitiesResponse p2 = t.sfn.listActivities(b -> b.maxResults(3).nextToken(p1.nextToken()));
      assertThat(p2.activities()).extracting(ActivityListItem::name).containsExactly("d", "e");
      assertThat(p2.nextToken()).isNull();
    }
  }
}
