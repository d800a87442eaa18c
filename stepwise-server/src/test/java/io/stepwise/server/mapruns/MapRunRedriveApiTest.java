package io.stepwise.server.mapruns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.engine.Engine;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.server.MutableClock;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.registry.FileRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunExecutionCounts;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/**
 * RedriveExecution of an execution whose Distributed Map failed, through the AWS SDK for Java v2
 * against the server on a SQLite file: the Map Run is redriven under its ARN (DescribeMapRun and
 * ListMapRuns show it, MapRunRedriven is in the parent's history), its children that failed are
 * redriven (their own redriveCount and ExecutionRedriven; an Express one started again), those
 * that succeeded keep their results, and the Map state's output is assembled as if in one run. The
 * children's Task fails its first call for some items, which a redrive calls again.
 */
class MapRunRedriveApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORK = "arn:aws:states:::aws-sdk:batch:work";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123Z"));
  private final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** The items whose first call fails. */
  private final Set<Integer> flaky = Set.of(1, 4);
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  @BeforeEach
  void start() {
    open();
  }

  private void open() {
    engine = Engine.builder().region("us-east-1").account("123456789012").clock(clock).invoker(WORK, req -> {
      int n = req.input().get("n").asInt();
      int call = calls.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
      if (call == 1 && flaky.contains(n)) {
        throw new TaskFailure("Batch.Flaky", "item " + n + " failed its first try");
      }
      return io.stepwise.asl.json.Json.NODES.objectNode().put("n", n).put("square", n * n);
    }).build();
    backend = ExecutionBackend.open(data, engine, clock);
    FileRegistry registry = FileRegistry.open(data.resolve("registry.json"));
    api = new TestServer(b -> b.clock(clock).registry(registry)
        .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))));
  }

  @AfterEach
  void stop() {
    api.close();
    backend.close();
    engine.close();
  }

  private String machine(String name, String executionType) {
    return api.sfn.createStateMachine(b -> b.name(name).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Squares","ItemsPath":"$.items","MaxConcurrency":1,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},
            "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","Parameters":{"n.$":"$"},"End":true}}},
          "Next":"Done"},"Done":{"Type":"Pass","End":true}}}""".formatted(executionType, WORK))).stateMachineArn();
  }

  private DescribeExecutionResponse describe(String arn) {
    return api.sfn.describeExecution(b -> b.executionArn(arn));
  }

  private DescribeExecutionResponse awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      DescribeExecutionResponse d = describe(arn);
      if (d.status() != ExecutionStatus.RUNNING) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " did not end");
  }

  private DescribeMapRunResponse run(String arn) {
    return api.sfn.describeMapRun(b -> b.mapRunArn(arn));
  }

  private List<HistoryEvent> history(String arn) {
    return api.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events();
  }

  /** The children of the run by the item each processes. */
  private Map<Integer, ExecutionListItem> children(String mapRunArn) throws Exception {
    Map<Integer, ExecutionListItem> byItem = new HashMap<>();
    for (ExecutionListItem e : api.sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions()) {
      byItem.put(JSON.readTree(describe(e.executionArn()).input()).asInt(), e);
    }
    return byItem;
  }

  private static MapRunExecutionCounts counts(long pending, long succeeded, long failed, long written, long notRedrivable) {
    return MapRunExecutionCounts.builder().pending(pending).running(0L).succeeded(succeeded).failed(failed).timedOut(0L).aborted(0L)
        .total(6L).resultsWritten(written).failuresNotRedrivable(notRedrivable).pendingRedrive(0L).build();
  }

  @Test
  void aFailedMapRunIsRedrivenWithItsParentUntilEveryChildSucceeded() throws Exception {
    String sm = machine("squares", "STANDARD");
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("batch-1").input("{\"items\":[0,1,2,3,4,5]}")).executionArn();

    // one child at a time: item 0 succeeds, item 1 fails and fails the run; 2 to 5 never start
    DescribeExecutionResponse failed = awaitEnd(arn);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String mapRun = api.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
    DescribeMapRunResponse before = run(mapRun);
    assertThat(before.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(before.redriveCount()).isZero();
    assertThat(before.redriveDate()).isNull();
    assertThat(before.executionCounts()).as("the failed child can be redriven").isEqualTo(counts(4, 1, 1, 0, 0));
    ExecutionListItem item1 = children(mapRun).get(1);
    assertThat(describe(item1.executionArn()).redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN);
    ExecutionNotRedrivableException alone = catchThrowableOfType(ExecutionNotRedrivableException.class,
        () -> api.sfn.redriveExecution(b -> b.executionArn(item1.executionArn())));
    assertThat(alone).as("a child is redriven with its parent").isNotNull();

    // the first redrive: item 1 succeeds on its second call, 2 and 3 start, 4 fails its first call
    clock.advance(Duration.ofMinutes(5));
    Instant firstRedrive = api.sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate();
    assertThat(firstRedrive).isEqualTo(clock.instant());
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);
    DescribeMapRunResponse once = run(mapRun);
    assertThat(once.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(once.redriveCount()).isEqualTo(1);
    assertThat(once.redriveDate()).isEqualTo(firstRedrive);
    assertThat(once.executionCounts()).isEqualTo(counts(1, 4, 1, 0, 0));

    // the second: item 4 is redriven and 5 starts; the run and its execution succeed
    clock.advance(Duration.ofMinutes(5));
    Instant secondRedrive = api.sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate();
    DescribeExecutionResponse done = awaitEnd(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.redriveCount()).isEqualTo(2);
    assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("""
        [{"n":0,"square":0},{"n":1,"square":1},{"n":2,"square":4},{"n":3,"square":9},{"n":4,"square":16},{"n":5,"square":25}]"""));
    assertThat(calls.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())))
        .as("each child that succeeded ran once").isEqualTo(Map.of(0, 1, 1, 2, 2, 1, 3, 1, 4, 2, 5, 1));

    DescribeMapRunResponse after = run(mapRun);
    assertThat(after.mapRunArn()).isEqualTo(mapRun);
    assertThat(after.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(after.redriveCount()).isEqualTo(2);
    assertThat(after.redriveDate()).isEqualTo(secondRedrive);
    assertThat(after.stopDate()).isNotNull();
    assertThat(after.executionCounts()).isEqualTo(counts(0, 6, 0, 6, 0));
    assertThat(after.itemCounts().succeeded()).isEqualTo(6);
    assertThat(after.itemCounts().pendingRedrive()).isZero();
    assertThat(api.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns()).singleElement()
        .satisfies(r -> assertThat(r.mapRunArn()).isEqualTo(mapRun)).satisfies(r -> assertThat(r.stopDate()).isNotNull());

    // the parent's history: each redrive, then the run's, then on from the Map state
    List<HistoryEvent> h = history(arn);
    List<HistoryEventType> types = h.stream().map(HistoryEvent::type).toList();
    int second = types.lastIndexOf(HistoryEventType.EXECUTION_REDRIVEN);
    assertThat(types.subList(types.indexOf(HistoryEventType.EXECUTION_REDRIVEN), types.size())).containsExactly(
        HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.MAP_RUN_REDRIVEN, HistoryEventType.MAP_RUN_FAILED,
        HistoryEventType.MAP_STATE_FAILED, HistoryEventType.EXECUTION_FAILED,
        HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.MAP_RUN_REDRIVEN, HistoryEventType.MAP_RUN_SUCCEEDED,
        HistoryEventType.MAP_STATE_SUCCEEDED, HistoryEventType.MAP_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
        HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(h.get(second + 1).mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRun);
    assertThat(h.get(second + 1).mapRunRedrivenEventDetails().redriveCount()).isEqualTo(2);
    assertThat(h.get(second + 1).previousEventId()).isEqualTo(h.get(second).id());

    // the children: one per item under its first ARN; those that failed were redriven, once each
    Map<Integer, ExecutionListItem> children = children(mapRun);
    assertThat(children).hasSize(6);
    for (Map.Entry<Integer, ExecutionListItem> c : children.entrySet()) {
      int expected = flaky.contains(c.getKey()) ? 1 : 0;
      DescribeExecutionResponse d = describe(c.getValue().executionArn());
      assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(d.redriveCount()).as("item %d", c.getKey()).isEqualTo(expected);
      assertThat(c.getValue().redriveCount()).isEqualTo(expected);
      assertThat(history(d.executionArn()).stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN)).hasSize(expected);
    }
    assertThat(describe(children.get(1).executionArn()).redriveDate()).isEqualTo(firstRedrive);
    assertThat(describe(children.get(4).executionArn()).redriveDate()).isEqualTo(secondRedrive);

    // all of it is in the file: the same after a restart
    stop();
    open();
    assertThat(run(mapRun).redriveCount()).isEqualTo(2);
    assertThat(run(mapRun).executionCounts()).isEqualTo(counts(0, 6, 0, 6, 0));
    assertThat(describe(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void expressChildrenThatFailedAreStartedAgainAndKeepTheirArns() throws Exception {
    String sm = machine("express-squares", "EXPRESS");
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("batch-x").input("{\"items\":[0,1,2,3,4,5]}")).executionArn();
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);
    String mapRun = api.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
    String item1 = children(mapRun).get(1).executionArn();
    assertThat(describe(item1).redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN);

    api.sfn.redriveExecution(b -> b.executionArn(arn));
    assertThat(awaitEnd(arn).status()).as("item 4 fails its first call in the redrive").isEqualTo(ExecutionStatus.FAILED);
    api.sfn.redriveExecution(b -> b.executionArn(arn));
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    Map<Integer, ExecutionListItem> children = children(mapRun);
    assertThat(children).hasSize(6);
    assertThat(children.get(1).executionArn()).isEqualTo(item1);
    DescribeExecutionResponse again = describe(item1);
    assertThat(again.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(again.redriveCount()).isEqualTo(1);
    assertThat(again.redriveDate()).as("AWS gives none for an Express child started again").isNull();
    assertThat(run(mapRun).redriveCount()).isEqualTo(2);
    assertThat(run(mapRun).status()).isEqualTo(MapRunStatus.SUCCEEDED);
  }
}
