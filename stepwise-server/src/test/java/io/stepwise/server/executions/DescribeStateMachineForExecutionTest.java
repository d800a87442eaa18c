package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.registry.FileRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.IncludedData;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * DescribeStateMachineForExecution through the AWS SDK for Java v2 on a SQLite store: the state
 * machine as each execution started with it, after updates, through versions and aliases, after
 * a restart and a deletion, and for a Distributed Map's child.
 */
class DescribeStateMachineForExecutionTest {
  private static final String FIRST = """
      {"Comment":"first","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
  private static final String SECOND = """
      {"Comment":"second","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"w":3600},"Next":"W"},
      "W":{"Type":"Wait","SecondsPath":"$w","End":true}}}""";
  private static final String THIRD = """
      {"Comment":"third","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

  @TempDir Path data;
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  @BeforeEach
  void start() {
    open();
  }

  private void open() {
    engine = Engine.builder().region("us-east-1").account("123456789012").build();
    backend = ExecutionBackend.open(data, engine, InstantSource.system());
    FileRegistry registry = FileRegistry.open(data.resolve("registry.json"));
    api = new TestServer(b -> b.registry(registry)
        .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))));
  }

  @AfterEach
  void stop() {
    api.close();
    backend.close();
    engine.close();
  }

  private DescribeStateMachineForExecutionResponse describe(String executionArn) {
    return api.sfn.describeStateMachineForExecution(b -> b.executionArn(executionArn));
  }

  @Test
  void eachExecutionIsDescribedByTheRevisionItStartedWith() throws Exception {
    String name = TestServer.unique("orders");
    var created = api.sfn.createStateMachine(b -> b.name(name).definition(FIRST).roleArn(TestServer.ROLE));
    String sm = created.stateMachineArn();
    String first = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("first")).executionArn();

    api.clock.advance(java.time.Duration.ofMinutes(5));
    var updated = api.sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(SECOND).publish(true)
        .loggingConfiguration(l -> l.level(LogLevel.OFF).includeExecutionData(true)));
    String second = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("second")).executionArn();
    String versionArn = updated.stateMachineVersionArn();
    api.sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(r -> r.stateMachineVersionArn(versionArn).weight(100)));
    api.clock.advance(java.time.Duration.ofMinutes(5));
    var third = api.sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(THIRD).roleArn(TestServer.ROLE + "2"));
    String byVersion = api.sfn.startExecution(b -> b.stateMachineArn(versionArn).name("by-version")).executionArn();
    String byAlias = api.sfn.startExecution(b -> b.stateMachineArn(sm + ":live").name("by-alias")).executionArn();
    String latest = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("latest")).executionArn();

    var d1 = describe(first);
    assertThat(d1.stateMachineArn()).isEqualTo(sm);
    assertThat(d1.name()).isEqualTo(name);
    assertThat(d1.definition()).isEqualTo(FIRST);
    assertThat(d1.roleArn()).isEqualTo(TestServer.ROLE);
    assertThat(d1.revisionId()).as("the first revision has no id, as on AWS").isNull();
    assertThat(d1.updateDate()).isEqualTo(created.creationDate());
    assertThat(d1.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
    assertThat(d1.loggingConfiguration().includeExecutionData()).isFalse();
    assertThat(d1.tracingConfiguration().enabled()).isFalse();
    assertThat(d1.mapRunArn()).isNull();
    assertThat(d1.label()).isNull();

    var d2 = describe(second);
    assertThat(d2.definition()).isEqualTo(SECOND);
    assertThat(d2.revisionId()).isEqualTo(updated.revisionId()).isNotNull();
    assertThat(d2.updateDate()).isEqualTo(updated.updateDate());
    assertThat(d2.loggingConfiguration().includeExecutionData()).isTrue();
    assertThat(d2.variableReferences()).isEqualTo(java.util.Map.of("W", java.util.List.of("w")));
    assertThat(d1.hasVariableReferences()).isFalse();

    for (String arn : new String[] {byVersion, byAlias}) {
      var d = describe(arn);
      assertThat(d.stateMachineArn()).as("the unqualified ARN, as AWS describes a version's execution").isEqualTo(sm);
      assertThat(d.definition()).isEqualTo(SECOND);
      assertThat(d.revisionId()).isEqualTo(updated.revisionId());
      assertThat(d.roleArn()).isEqualTo(TestServer.ROLE);
    }
    assertThat(api.sfn.describeExecution(b -> b.executionArn(byAlias)).stateMachineAliasArn()).isEqualTo(sm + ":live");

    var d3 = describe(latest);
    assertThat(d3.definition()).isEqualTo(THIRD);
    assertThat(d3.revisionId()).isEqualTo(third.revisionId());
    assertThat(d3.roleArn()).isEqualTo(TestServer.ROLE + "2");
    assertThat(api.sfn.describeStateMachineForExecution(b -> b.executionArn(second).includedData(IncludedData.METADATA_ONLY))
        .definition()).isEqualTo("{}");
    assertThat(api.sfn.describeStateMachineForExecution(b -> b.executionArn(second).includedData(IncludedData.METADATA_ONLY))
        .hasVariableReferences()).isFalse();

    // after a restart on the same data directory, and after the state machine is deleted
    stop();
    open();
    api.sfn.stopExecution(b -> b.executionArn(first));
    api.sfn.deleteStateMachine(b -> b.stateMachineArn(sm));
    var again = describe(first);
    assertThat(again.definition()).isEqualTo(FIRST);
    assertThat(again.stateMachineArn()).isEqualTo(sm);
    assertThat(describe(second).revisionId()).isEqualTo(updated.revisionId());
  }

  @Test
  void aMapRunChildIsDescribedByItsParentsStateMachineWithTheRunAndLabel() throws Exception {
    String definition = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Each","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";
    String name = TestServer.unique("fanout");
    String sm = api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE)).stateMachineArn();
    String parent = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2]")).executionArn();
    for (int i = 0; i < 500 && api.sfn.describeExecution(b -> b.executionArn(parent)).status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
    }
    assertThat(api.sfn.describeExecution(b -> b.executionArn(parent)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String mapRunArn = api.sfn.getExecutionHistory(b -> b.executionArn(parent)).events().stream()
        .filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow().mapRunStartedEventDetails().mapRunArn();
    var children = api.sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions();
    assertThat(children).hasSize(2);

    var d = describe(children.get(0).executionArn());
    assertThat(d.stateMachineArn()).isEqualTo(sm);
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.definition()).isEqualTo(definition);
    assertThat(d.mapRunArn()).isEqualTo(mapRunArn);
    assertThat(d.label()).isEqualTo("Each");
    assertThat(d.roleArn()).isEqualTo(TestServer.ROLE);
    assertThat(describe(parent).label()).isNull();
  }

  @Test
  void unknownAndWrongArnsAreAwsErrors() {
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("errs")).definition(THIRD).roleArn(TestServer.ROLE))
        .stateMachineArn();
    String missing = sm.replace(":stateMachine:", ":execution:") + ":never-started";
    assertThatThrownBy(() -> describe(missing)).isInstanceOfSatisfying(ExecutionDoesNotExistException.class, e ->
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Execution Does Not Exist: '" + missing + "'"));
    assertThatThrownBy(() -> describe(sm)).isInstanceOfSatisfying(InvalidArnException.class, e ->
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Arn: 'Resource type not valid in this context: stateMachine'"));
    assertThatThrownBy(() -> describe("not-an-arn")).isInstanceOfSatisfying(InvalidArnException.class, e ->
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Arn: 'Invalid ARN prefix: not-an-arn'"));
    assertThatThrownBy(() -> describe("")).isInstanceOfSatisfying(SfnException.class, e ->
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }
}
