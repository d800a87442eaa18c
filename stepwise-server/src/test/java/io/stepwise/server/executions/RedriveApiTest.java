package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.engine.Engine;
import io.stepwise.server.MutableClock;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.registry.FileRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * RedriveExecution through the AWS SDK for Java v2, on executions stored in a SQLite file: an
 * activity whose worker fails the first time and succeeds after the redrive, across a restart of
 * the server on the same file; what DescribeExecution and ListExecutions say of redrives; and the
 * errors for what cannot be redriven.
 */
class RedriveApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123Z"));
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  @BeforeEach
  void start() {
    open();
  }

  /** The server on the data directory: its SQLite file, definitions and registry, as {@code stepwise serve} keeps them. */
  private void open() {
    engine = Engine.builder().region("us-east-1").account("123456789012").clock(clock).build();
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

  private void restart() {
    stop();
    open();
  }

  private String activity() {
    return api.sfn.createActivity(b -> b.name("pack")).activityArn();
  }

  /** Pack (an activity, told the redrive count), then Done. */
  private String machine(String activity) {
    return api.sfn.createStateMachine(b -> b.name("orders").roleArn(TestServer.ROLE).type(StateMachineType.STANDARD).definition("""
        {"StartAt":"Pack","States":{
          "Pack":{"Type":"Task","Resource":"%s","Parameters":{"order.$":"$.order","redrives.$":"$$.Execution.RedriveCount"},
            "ResultPath":"$.packed","Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}""".formatted(activity))).stateMachineArn();
  }

  private GetActivityTaskResponse task(String activity) {
    GetActivityTaskResponse t = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer"));
    assertThat(t.taskToken()).as("a task for the worker").isNotNull();
    return t;
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

  private static <E extends SfnException> String error(Class<E> type, ThrowingCallable call) {
    E e = catchThrowableOfType(type, call);
    assertThat(e).as("the call should fail with " + type.getSimpleName()).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e.awsErrorDetails().errorMessage();
  }

  @Test
  void aFailedActivityIsRedrivenSurvivesARestartAndSucceeds() throws Exception {
    String activity = activity();
    String sm = machine(activity);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("order-7").input("{\"order\":7}")).executionArn();
    GetActivityTaskResponse first = task(activity);
    assertThat(JSON.readTree(first.input()).get("redrives").asInt()).isZero();
    api.sfn.sendTaskFailure(b -> b.taskToken(first.taskToken()).error("Pack.Jammed").cause("the belt stopped"));

    DescribeExecutionResponse failed = awaitEnd(arn);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.redriveCount()).isZero();
    assertThat(failed.redriveDate()).isNull();
    assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
    assertThat(failed.redriveStatusReason()).isNull();
    assertThat(api.sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions()).isEmpty();
    assertThat(api.sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN)).executions())
        .extracting(ExecutionListItem::executionArn).containsExactly(arn);

    clock.advance(Duration.ofHours(2));
    Instant redriveDate = api.sfn.redriveExecution(b -> b.executionArn(arn).clientToken("fix-1")).redriveDate();
    assertThat(redriveDate).isEqualTo(clock.instant());
    DescribeExecutionResponse running = describe(arn);
    assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(running.stopDate()).isNull();
    assertThat(running.error()).isNull();
    assertThat(running.redriveCount()).isEqualTo(1);
    assertThat(running.redriveDate()).isEqualTo(redriveDate);
    assertThat(running.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(running.redriveStatusReason()).isEqualTo("Execution is RUNNING and cannot be redriven");

    // the same client token again (an SDK's retry) is answered as the first time; another is refused
    clock.advance(Duration.ofMinutes(1));
    assertThat(api.sfn.redriveExecution(b -> b.executionArn(arn).clientToken("fix-1")).redriveDate()).isEqualTo(redriveDate);
    assertThat(error(ExecutionNotRedrivableException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(arn))))
        .isEqualTo("Execution is RUNNING and cannot be redriven");
    assertThat(describe(arn).redriveCount()).isEqualTo(1);

    // the server stops while the redriven task waits for its worker, and starts again on the same file
    restart();
    assertThat(describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    GetActivityTaskResponse again = task(activity);
    assertThat(JSON.readTree(again.input()).get("redrives").asInt()).as("$$.Execution.RedriveCount").isEqualTo(1);
    api.sfn.sendTaskSuccess(b -> b.taskToken(again.taskToken()).output("{\"box\":\"B-7\"}"));

    DescribeExecutionResponse done = awaitEnd(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"order\":7,\"packed\":{\"box\":\"B-7\"}}"));
    assertThat(done.redriveCount()).isEqualTo(1);
    assertThat(done.redriveDate()).isEqualTo(redriveDate);
    assertThat(done.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");

    List<HistoryEvent> events = api.sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED,
        HistoryEventType.ACTIVITY_FAILED, HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN,
        HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED, HistoryEventType.ACTIVITY_SUCCEEDED,
        HistoryEventType.TASK_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
        HistoryEventType.EXECUTION_SUCCEEDED);
    HistoryEvent redriven = events.get(6);
    assertThat(redriven.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
    assertThat(redriven.previousEventId()).isEqualTo(6L);
    assertThat(redriven.timestamp()).isEqualTo(redriveDate);

    ExecutionListItem listed = api.sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
        .executions().get(0);
    assertThat(listed.executionArn()).isEqualTo(arn);
    assertThat(listed.redriveCount()).isEqualTo(1);
    assertThat(listed.redriveDate()).isEqualTo(redriveDate);
    assertThat(error(ExecutionNotRedrivableException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(arn))))
        .isEqualTo("Execution is SUCCEEDED and cannot be redriven");
  }

  @Test
  void aRunningExecutionAnUnknownOneAndBadArnsAreRefusedWithAwsErrors() throws Exception {
    String activity = activity();
    String sm = machine(activity);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("waiting").input("{\"order\":1}")).executionArn();
    assertThat(error(ExecutionNotRedrivableException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(arn))))
        .isEqualTo("Execution is RUNNING and cannot be redriven");
    assertThat(describe(arn).redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);

    String unknown = arn.replace(":waiting", ":nope");
    assertThat(error(ExecutionDoesNotExistException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(unknown))))
        .isEqualTo("Execution Does Not Exist: '" + unknown + "'");
    assertThat(error(InvalidArnException.class, () -> api.sfn.redriveExecution(b -> b.executionArn("not-an-arn"))))
        .isEqualTo("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
    assertThat(error(InvalidArnException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(sm))))
        .isEqualTo("Invalid Arn: 'Resource type not valid in this context: stateMachine'");
    String express = "arn:aws:states:us-east-1:123456789012:express:quick:run-1:4f0b9d0e-7a59-4b0f-9d64-4d2c8c7f1a11";
    assertThat(error(ExecutionNotRedrivableException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(express))))
        .isEqualTo("Express executions cannot be redriven");

    var missing = api.post("AWSStepFunctions.RedriveExecution", "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).get("__type").asText()).isEqualTo("ValidationException");
    assertThat(JSON.readTree(missing.body()).get("message").asText()).isEqualTo(
        "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null");
    var longToken = api.post("AWSStepFunctions.RedriveExecution",
        "{\"executionArn\":\"" + arn + "\",\"clientToken\":\"" + "t".repeat(65) + "\"}");
    assertThat(JSON.readTree(longToken.body()).get("__type").asText()).isEqualTo("ValidationException");
    assertThat(JSON.readTree(longToken.body()).get("message").asText()).contains("at 'clientToken' failed to satisfy constraint: "
        + "Member must have length less than or equal to 64");
    var badFilter = api.post("AWSStepFunctions.ListExecutions", "{\"stateMachineArn\":\"" + sm + "\",\"redriveFilter\":\"SOMETIMES\"}");
    assertThat(JSON.readTree(badFilter.body()).get("message").asText()).isEqualTo("1 validation error detected: Value 'SOMETIMES' at "
        + "'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
  }

  @Test
  void pastFourteenDaysFromItsStopAnExecutionIsNoLongerRedrivable() throws Exception {
    String activity = activity();
    String sm = machine(activity);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("old").input("{\"order\":2}")).executionArn();
    api.sfn.stopExecution(b -> b.executionArn(arn).error("Ops.Halt"));
    assertThat(describe(arn).status()).isEqualTo(ExecutionStatus.ABORTED);

    clock.advance(Duration.ofDays(14));
    assertThat(describe(arn).redriveStatus()).as("on its 14th day").isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
    clock.advance(Duration.ofSeconds(1));
    DescribeExecutionResponse late = describe(arn);
    assertThat(late.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(late.redriveStatusReason()).isEqualTo("Execution redrivable period exceeded");
    assertThat(error(ExecutionNotRedrivableException.class, () -> api.sfn.redriveExecution(b -> b.executionArn(arn))))
        .isEqualTo("Execution redrivable period exceeded");
    assertThat(describe(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void anAbortedExecutionIsRedrivenFromTheTaskItWaitedIn() throws Exception {
    String activity = activity();
    String sm = machine(activity);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("stopped").input("{\"order\":3}")).executionArn();
    GetActivityTaskResponse taken = task(activity);
    api.sfn.stopExecution(b -> b.executionArn(arn).error("Ops.Halt"));
    api.sfn.redriveExecution(b -> b.executionArn(arn));
    // the worker's answer to the task of the first attempt comes too late: that task ended with the stop
    assertThat(catchThrowableOfType(SfnException.class,
        () -> api.sfn.sendTaskSuccess(b -> b.taskToken(taken.taskToken()).output("{}")))).isNotNull();
    GetActivityTaskResponse again = task(activity);
    assertThat(again.taskToken()).isNotEqualTo(taken.taskToken());
    api.sfn.sendTaskSuccess(b -> b.taskToken(again.taskToken()).output("\"ok\""));
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
