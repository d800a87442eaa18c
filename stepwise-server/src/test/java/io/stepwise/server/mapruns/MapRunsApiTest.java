package io.stepwise.server.mapruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.registry.FileRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.MapRunExecutionCounts;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sfn.model.ValidationExceptionReason;

/**
 * DescribeMapRun, ListMapRuns and UpdateMapRun through the AWS SDK for Java v2, on a SQLite file:
 * Distributed Maps over inline arrays whose children pass, fail, or wait for the test as an
 * activity worker; and the same runs after the backend is closed and opened again.
 */
class MapRunsApiTest {
  /** Each item passes, or fails when it says {@code "ok": false}; two failures are tolerated. */
  private static final String SOME_FAIL = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Orders","ItemsPath":"$.items","MaxConcurrency":2,
        "ToleratedFailureCount":2,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check",
          "States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Good"}],"Default":"Bad"},
            "Good":{"Type":"Pass","End":true},"Bad":{"Type":"Fail","Error":"Item.Bad","Cause":"not ok"}}},"End":true}}}""";
  private static final String ITEMS = """
      {"items":[{"ok":true},{"ok":false},{"ok":true},{"ok":false},{"ok":true}]}""";

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
    api = new TestServer(b -> b.registry(registry).operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))));
  }

  @AfterEach
  void stop() {
    api.close();
    backend.close();
    engine.close();
  }

  /** Closes the server and the backend, as a process that ends would, and opens both again on the same files. */
  private void restart() {
    stop();
    open();
  }

  private String machine(String name, String definition) {
    return api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE)).stateMachineArn();
  }

  private void awaitEnd(String arn) throws InterruptedException {
    await("the end of " + arn, () -> api.sfn.describeExecution(b -> b.executionArn(arn)).status() != ExecutionStatus.RUNNING);
  }

  private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("waited in vain for " + what);
  }

  private DescribeMapRunResponse describe(String mapRunArn) {
    return api.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
  }

  private DescribeMapRunResponse awaitRun(String mapRunArn, Predicate<DescribeMapRunResponse> done) throws InterruptedException {
    await("the Map Run " + mapRunArn, () -> done.test(describe(mapRunArn)));
    return describe(mapRunArn);
  }

  private String onlyRun(String executionArn) {
    List<MapRunListItem> runs = api.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
    assertThat(runs).hasSize(1);
    return runs.get(0).mapRunArn();
  }

  /** The counts of a run that succeeded or runs: its failed children, tolerated, are not redrivable (its Map state is not redriven). */
  private static MapRunExecutionCounts executions(long pending, long running, long succeeded, long failed, long total, long written) {
    return MapRunExecutionCounts.builder().pending(pending).running(running).succeeded(succeeded).failed(failed).timedOut(0L)
        .aborted(0L).total(total).resultsWritten(written).failuresNotRedrivable(failed).pendingRedrive(0L).build();
  }

  private static MapRunItemCounts items(MapRunExecutionCounts e) {
    return MapRunItemCounts.builder().pending(e.pending()).running(e.running()).succeeded(e.succeeded()).failed(e.failed())
        .timedOut(e.timedOut()).aborted(e.aborted()).total(e.total()).resultsWritten(e.resultsWritten())
        .failuresNotRedrivable(e.failuresNotRedrivable()).pendingRedrive(e.pendingRedrive()).build();
  }

  @Test
  void aDistributedMapWithSomeFailingItemsIsDescribedWithItsCountsAndListedByItsExecution() throws Exception {
    String sm = machine(TestServer.unique("orders"), SOME_FAIL);
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(sm).input(ITEMS)).executionArn();
    awaitEnd(exec);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    List<MapRunListItem> runs = api.sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
    assertThat(runs).hasSize(1);
    MapRunListItem listed = runs.get(0);
    assertThat(listed.executionArn()).isEqualTo(exec);
    assertThat(listed.stateMachineArn()).isEqualTo(sm + "/Orders");
    assertThat(listed.mapRunArn()).matches(sm.replace(":stateMachine:", ":mapRun:") + "/Orders:[0-9a-f-]{36}");
    List<HistoryEvent> history = api.sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    HistoryEvent started = history.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow();
    assertThat(started.mapRunStartedEventDetails().mapRunArn()).isEqualTo(listed.mapRunArn());
    HistoryEvent succeeded = history.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_SUCCEEDED).findFirst().orElseThrow();

    DescribeMapRunResponse d = describe(listed.mapRunArn());
    assertThat(d.mapRunArn()).isEqualTo(listed.mapRunArn());
    assertThat(d.executionArn()).isEqualTo(exec);
    assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(d.startDate()).isEqualTo(started.timestamp()).isEqualTo(listed.startDate());
    assertThat(d.stopDate()).isEqualTo(succeeded.timestamp()).isEqualTo(listed.stopDate());
    assertThat(d.maxConcurrency()).isEqualTo(2);
    assertThat(d.toleratedFailureCount()).isEqualTo(2L);
    assertThat(d.toleratedFailurePercentage()).isZero();
    MapRunExecutionCounts counts = executions(0, 0, 3, 2, 5, 5);
    assertThat(d.executionCounts()).isEqualTo(counts);
    assertThat(d.itemCounts()).isEqualTo(items(counts));
    assertThat(d.redriveCount()).isZero();
    assertThat(d.redriveDate()).isNull();

    assertThat(api.sfn.listExecutions(b -> b.mapRunArn(listed.mapRunArn())).executions()).hasSize(5)
        .allSatisfy(e -> assertThat(e.mapRunArn()).isEqualTo(listed.mapRunArn()));
    assertThat(api.sfn.listExecutions(b -> b.mapRunArn(listed.mapRunArn()).statusFilter(ExecutionStatus.FAILED)).executions()).hasSize(2);
  }

  @Test
  void badArnsAndRunsThatAreNotThereAreAwsErrors() throws Exception {
    String sm = machine(TestServer.unique("orders"), SOME_FAIL);
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\":[{\"ok\":true}]}")).executionArn();
    awaitEnd(exec);
    String run = onlyRun(exec);

    assertThatThrownBy(() -> describe("not-an-arn")).isInstanceOf(InvalidArnException.class).hasMessageContaining("Invalid Arn");
    assertThatThrownBy(() -> describe(exec)).isInstanceOf(InvalidArnException.class)
        .hasMessageContaining("Resource type not valid in this context: execution");
    assertThatThrownBy(() -> describe(sm.replace(":stateMachine:", ":mapRun:"))).as("no label and id").isInstanceOf(InvalidArnException.class);
    String missing = run.substring(0, run.lastIndexOf(':') + 1) + "00000000-0000-0000-0000-000000000000";
    assertThatThrownBy(() -> describe(missing)).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missing)
        .satisfies(e -> assertThat(((ResourceNotFoundException) e).resourceName()).isEqualTo(missing));
    assertThatThrownBy(() -> api.sfn.describeMapRun(b -> b.mapRunArn(""))).isInstanceOf(ValidationException.class);

    assertThatThrownBy(() -> api.sfn.listMapRuns(b -> b.executionArn(sm))).isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> api.sfn.listMapRuns(b -> b.executionArn(exec + "-nope"))).isInstanceOf(ExecutionDoesNotExistException.class)
        .hasMessageContaining("Execution Does Not Exist: '" + exec + "-nope'");
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(exec).maxConcurrency(1))).isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(missing).maxConcurrency(1))).isInstanceOf(ResourceNotFoundException.class);

    String plain = api.sfn.startExecution(b -> b.stateMachineArn(machine(TestServer.unique("plain"), TestServer.PASS))).executionArn();
    awaitEnd(plain);
    assertThat(api.sfn.listMapRuns(b -> b.executionArn(plain)).mapRuns()).as("an execution without a Distributed Map").isEmpty();
  }

  @Test
  void listMapRunsPagesAnExecutionsRunsNewestFirst() throws Exception {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      states.append(i == 0 ? "" : ",").append("""
          "Map%d":{"Type":"Map","Label":"L%d","ResultPath":null,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",
            "ExecutionType":"STANDARD"},"StartAt":"P%d","States":{"P%d":{"Type":"Pass","End":true}}},%s}""".formatted(i, i, i, i,
          i < 2 ? "\"Next\":\"Map" + (i + 1) + "\"" : "\"End\":true"));
    }
    String sm = machine(TestServer.unique("three"), "{\"StartAt\":\"Map0\",\"States\":{" + states + "}}");
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2]")).executionArn();
    awaitEnd(exec);

    var first = api.sfn.listMapRuns(b -> b.executionArn(exec).maxResults(2));
    assertThat(first.mapRuns()).hasSize(2);
    assertThat(first.nextToken()).isNotNull();
    var second = api.sfn.listMapRuns(b -> b.executionArn(exec).maxResults(2).nextToken(first.nextToken()));
    assertThat(second.mapRuns()).hasSize(1);
    assertThat(second.nextToken()).isNull();
    List<MapRunListItem> all = new ArrayList<>(first.mapRuns());
    all.addAll(second.mapRuns());
    assertThat(all).extracting(MapRunListItem::stateMachineArn).containsExactly(sm + "/L2", sm + "/L1", sm + "/L0");
    assertThat(api.sfn.listMapRuns(b -> b.executionArn(exec).maxResults(0)).mapRuns()).as("0: the default page").hasSize(3);

    assertThatThrownBy(() -> api.sfn.listMapRuns(b -> b.executionArn(exec).nextToken("bogus"))).isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> api.sfn.listMapRuns(b -> b.executionArn(exec).maxResults(1001))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
  }

  /** Children that each wait for the test, as an activity worker, to answer them. */
  private String waitingMachine(String activity, int maxConcurrency, int toleratedFailures) {
    return machine(TestServer.unique("work"), """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Jobs","MaxConcurrency":%d,"ToleratedFailureCount":%d,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
            "States":{"Work":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(maxConcurrency, toleratedFailures, activity));
  }

  private GetActivityTaskResponse take(String activity) {
    GetActivityTaskResponse t = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("test"));
    assertThat(t.taskToken()).as("a task for the worker").isNotNull();
    return t;
  }

  @Test
  void updateMapRunChangesARunningRunAndIsRefusedForOneThatEnded() throws Exception {
    String activity = api.sfn.createActivity(b -> b.name(TestServer.unique("job"))).activityArn();
    String sm = waitingMachine(activity, 1, 0);
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3,4]")).executionArn();
    await("the Map Run", () -> !api.sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().isEmpty());
    String run = onlyRun(exec);
    DescribeMapRunResponse one = awaitRun(run, d -> d.executionCounts().running() == 1);
    assertThat(one.status()).isEqualTo(MapRunStatus.RUNNING);
    assertThat(one.stopDate()).isNull();
    assertThat(one.executionCounts()).isEqualTo(executions(3, 1, 0, 0, 4, 0));

    // bad settings are the model's ValidationException, and nothing changes
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(-1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0");
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(run).toleratedFailurePercentage(101f)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'toleratedFailurePercentage' failed to satisfy constraint");
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(run).toleratedFailureCount(-1L)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'toleratedFailureCount' failed to satisfy constraint");
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(run))).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ValidationExceptionReason.MISSING_REQUIRED_PARAMETER));

    // three at once, and one failure tolerated, from now on
    api.sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(3).toleratedFailureCount(1L));
    DescribeMapRunResponse three = awaitRun(run, d -> d.executionCounts().running() == 3);
    assertThat(three.maxConcurrency()).isEqualTo(3);
    assertThat(three.toleratedFailureCount()).isEqualTo(1L);
    assertThat(three.executionCounts()).isEqualTo(executions(1, 3, 0, 0, 4, 0));

    GetActivityTaskResponse a = take(activity);
    api.sfn.sendTaskFailure(b -> b.taskToken(a.taskToken()).error("Job.Broke"));
    for (int i = 0; i < 3; i++) {
      GetActivityTaskResponse t = take(activity);
      api.sfn.sendTaskSuccess(b -> b.taskToken(t.taskToken()).output("{}"));
    }
    awaitEnd(exec);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(exec)).status()).as("the failure was tolerated").isEqualTo(ExecutionStatus.SUCCEEDED);
    DescribeMapRunResponse done = describe(run);
    assertThat(done.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(done.executionCounts()).isEqualTo(executions(0, 0, 3, 1, 4, 4));

    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(5))).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ValidationExceptionReason.CANNOT_UPDATE_COMPLETED_MAP_RUN));
    assertThat(describe(run).maxConcurrency()).isEqualTo(3);
  }

  @Test
  void updateMapRunToTolerateNoMoreFailuresThanThereAreFailsTheRun() throws Exception {
    String activity = api.sfn.createActivity(b -> b.name(TestServer.unique("job"))).activityArn();
    String sm = waitingMachine(activity, 2, 5);
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
    await("the Map Run", () -> !api.sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().isEmpty());
    String run = onlyRun(exec);
    awaitRun(run, d -> d.executionCounts().running() == 2);
    GetActivityTaskResponse a = take(activity);
    api.sfn.sendTaskFailure(b -> b.taskToken(a.taskToken()).error("Job.Broke"));
    awaitRun(run, d -> d.executionCounts().failed() == 1 && d.executionCounts().running() == 2);

    api.sfn.updateMapRun(b -> b.mapRunArn(run).toleratedFailureCount(0L));
    awaitEnd(exec);
    var ended = api.sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    DescribeMapRunResponse d = awaitRun(run, r -> r.executionCounts().running() == 0);
    assertThat(d.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(d.executionCounts().aborted()).as("the children still running were stopped").isEqualTo(2);
    assertThat(d.executionCounts().failed()).isEqualTo(1);
    assertThat(d.executionCounts().failuresNotRedrivable()).as("a redrive of the execution would run them again").isZero();
    assertThat(d.executionCounts().resultsWritten()).as("a failed run without a ResultWriter writes no results").isZero();
    assertThat(api.sfn.getExecutionHistory(b -> b.executionArn(exec)).events()).extracting(HistoryEvent::type)
        .contains(HistoryEventType.MAP_RUN_FAILED);
  }

  @Test
  void mapRunsSurviveARestartAndARunningOneGoesOnWhenUpdatedAfterIt() throws Exception {
    String sm = machine(TestServer.unique("orders"), SOME_FAIL);
    String done = api.sfn.startExecution(b -> b.stateMachineArn(sm).input(ITEMS)).executionArn();
    awaitEnd(done);
    String doneRun = onlyRun(done);
    DescribeMapRunResponse before = describe(doneRun);

    String activity = api.sfn.createActivity(b -> b.name(TestServer.unique("job"))).activityArn();
    String waiting = waitingMachine(activity, 1, 0);
    String exec = api.sfn.startExecution(b -> b.stateMachineArn(waiting).input("[1,2,3]")).executionArn();
    await("the Map Run", () -> !api.sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().isEmpty());
    String run = onlyRun(exec);
    awaitRun(run, d -> d.executionCounts().running() == 1);
    api.sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(2));
    awaitRun(run, d -> d.executionCounts().running() == 2);

    restart();

    assertThat(describe(doneRun).toString()).as("all of it, but the request's metadata").isEqualTo(before.toString());
    assertThat(api.sfn.listMapRuns(b -> b.executionArn(done)).mapRuns()).extracting(MapRunListItem::mapRunArn).containsExactly(doneRun);
    assertThat(api.sfn.listExecutions(b -> b.mapRunArn(doneRun)).executions()).hasSize(5);
    assertThatThrownBy(() -> api.sfn.updateMapRun(b -> b.mapRunArn(doneRun).maxConcurrency(1))).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ValidationExceptionReason.CANNOT_UPDATE_COMPLETED_MAP_RUN));

    DescribeMapRunResponse after = describe(run);
    assertThat(after.status()).isEqualTo(MapRunStatus.RUNNING);
    assertThat(after.maxConcurrency()).as("the update made before the restart").isEqualTo(2);
    assertThat(after.executionCounts()).isEqualTo(executions(1, 2, 0, 0, 3, 0));

    // the update rebuilds the parent from its history and what its run received, the earlier update among it
    api.sfn.updateMapRun(b -> b.mapRunArn(run).maxConcurrency(3));
    awaitRun(run, d -> d.executionCounts().running() == 3);
    for (int i = 0; i < 3; i++) {
      GetActivityTaskResponse t = take(activity);
      String output = "{\"ok\":" + i + "}";
      api.sfn.sendTaskSuccess(b -> b.taskToken(t.taskToken()).output(output));
    }
    awaitEnd(exec);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    DescribeMapRunResponse finished = describe(run);
    assertThat(finished.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(finished.executionCounts()).isEqualTo(executions(0, 0, 3, 0, 3, 3));
    assertThat(Duration.between(finished.startDate(), finished.stopDate())).isPositive();
  }
}
