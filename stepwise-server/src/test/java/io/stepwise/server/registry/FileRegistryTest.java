package io.stepwise.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.Tag;

/** The registry kept in a file: what the API created is there again after the server starts anew. */
class FileRegistryTest {
  @TempDir Path dir;

  @Test
  void stateMachinesVersionsAliasesActivitiesAndTagsOutliveTheServer() throws Exception {
    Path file = dir.resolve("registry.json");
    String sm;
    String alias;
    String activity;
    try (TestServer api = new TestServer(b -> b.registry(FileRegistry.open(file)))) {
      var created = api.sfn.createStateMachine(b -> b.name("kept").definition(TestServer.PASS).roleArn(TestServer.ROLE).publish(true)
          .tags(Tag.builder().key("team").value("orders").build()));
      sm = created.stateMachineArn();
      alias = api.sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(RoutingConfigurationListItem.builder()
          .stateMachineVersionArn(created.stateMachineVersionArn()).weight(100).build())).stateMachineAliasArn();
      activity = api.sfn.createActivity(b -> b.name("kept-activity")).activityArn();
    }
    assertThat(Files.readString(file)).contains("kept-activity");
    try (TestServer again = new TestServer(b -> b.registry(FileRegistry.open(file)))) {
      assertThat(again.sfn.describeStateMachine(b -> b.stateMachineArn(sm)).definition()).isEqualTo(TestServer.PASS);
      assertThat(again.sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions()).hasSize(1);
      assertThat(again.sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).name()).isEqualTo("live");
      assertThat(again.sfn.describeActivity(b -> b.activityArn(activity)).name()).isEqualTo("kept-activity");
      assertThat(again.sfn.listTagsForResource(b -> b.resourceArn(sm)).tags()).extracting(Tag::value).containsExactly("orders");
      again.sfn.deleteStateMachine(b -> b.stateMachineArn(sm));
    }
    try (TestServer third = new TestServer(b -> b.registry(FileRegistry.open(file)))) {
      assertThatThrownBy(() -> third.sfn.describeStateMachine(b -> b.stateMachineArn(sm))).hasMessageContaining("Does Not Exist");
    }
  }

  @Test
  void aDamagedFileIsRefusedWithWhereItIs() throws Exception {
    Path file = dir.resolve("registry.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> FileRegistry.open(file)).hasMessageContaining(file.toString()).hasMessageContaining("cannot be read");
  }
}
