package io.stepwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The mapping of history events to AWS/States metrics, with hand-made events. */
class StepFunctionsMetricsTest {
  private static final String EXEC = "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1";
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";
  private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:charge";
  private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:review";
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StepFunctionsMetrics metrics = new StepFunctionsMetrics(registry);

  private static HistoryEvent ev(long id, long prev, long at, EventType type, EventDetails d) {
    return new HistoryEvent(id, prev, at, type, d);
  }

  private double count(String name, String label, String value) {
    var c = registry.find("stepwise." + name).tag(label, value).counter();
    return c == null ? 0 : c.count();
  }

  private Timer timer(String name, String label, String value) {
    return registry.find("stepwise." + name).tag(label, value).timer();
  }

  @Test
  void anExecutionCountsStartAndEndAndItsTimeFromTheEventsTimestamps() {
    metrics.stepped(EXEC, List.of(ev(1, 0, 1_000, EventType.ExecutionStarted, EventDetails.NONE)));
    metrics.stepped(EXEC, List.of(ev(2, 1, 1_250, EventType.ExecutionFailed, new EventDetails.ExecutionEnded("E", null))));

    assertThat(count("ExecutionsStarted", "StateMachineArn", MACHINE)).isEqualTo(1);
    assertThat(count("ExecutionsFailed", "StateMachineArn", MACHINE)).isEqualTo(1);
    assertThat(count("ExecutionsSucceeded", "StateMachineArn", MACHINE)).isZero();
    Timer t = timer("ExecutionTime", "StateMachineArn", MACHINE);
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    assertThat(metrics.remembered()).as("nothing is kept of an ended execution").isZero();
  }

  @Test
  void aLambdaTaskIsPairedByPreviousEventIdEvenWhenBranchesInterleave() {
    var sched = new EventDetails.LambdaScheduled(FN, JsonNodeFactory.instance.objectNode(), null);
    var other = new EventDetails.LambdaScheduled(FN + "2", JsonNodeFactory.instance.objectNode(), null);
    metrics.stepped(EXEC, List.of(
        ev(1, 0, 0, EventType.ExecutionStarted, EventDetails.NONE),
        ev(5, 4, 100, EventType.LambdaFunctionScheduled, sched),
        ev(6, 3, 110, EventType.LambdaFunctionScheduled, other),
        ev(7, 5, 130, EventType.LambdaFunctionStarted, EventDetails.NONE),
        ev(8, 6, 140, EventType.LambdaFunctionStarted, EventDetails.NONE)));
    metrics.stepped(EXEC, List.of(
        ev(9, 8, 200, EventType.LambdaFunctionFailed, new EventDetails.LambdaFailed("Boom", null)),
        ev(10, 7, 530, EventType.LambdaFunctionSucceeded, new EventDetails.LambdaSucceeded(null))));

    assertThat(count("LambdaFunctionsScheduled", "LambdaFunctionArn", FN)).isEqualTo(1);
    assertThat(count("LambdaFunctionsStarted", "LambdaFunctionArn", FN)).isEqualTo(1);
    assertThat(count("LambdaFunctionsSucceeded", "LambdaFunctionArn", FN)).isEqualTo(1);
    assertThat(count("LambdaFunctionsFailed", "LambdaFunctionArn", FN)).isZero();
    assertThat(count("LambdaFunctionsFailed", "LambdaFunctionArn", FN + "2")).isEqualTo(1);
    assertThat(timer("LambdaFunctionScheduleTime", "LambdaFunctionArn", FN).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
    assertThat(timer("LambdaFunctionRunTime", "LambdaFunctionArn", FN).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400);
    assertThat(timer("LambdaFunctionTime", "LambdaFunctionArn", FN).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(430);
    assertThat(timer("LambdaFunctionRunTime", "LambdaFunctionArn", FN + "2").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(60);
  }

  @Test
  void aServiceIntegrationIsNamedByItsStatesArnAndAnActivityHeartbeatTimeoutIsItsOwnCounter() {
    var task = new EventDetails.TaskScheduled("sqs", "sendMessage", "us-east-1", null, null, null);
    var act = new EventDetails.ActivityScheduled(ACTIVITY, null, null, 5L);
    metrics.stepped(EXEC, List.of(
        ev(1, 0, 0, EventType.ExecutionStarted, EventDetails.NONE),
        ev(3, 2, 10, EventType.TaskScheduled, task),
        ev(4, 3, 12, EventType.TaskStarted, new EventDetails.TaskStarted("sqs", "sendMessage")),
        ev(5, 4, 20, EventType.TaskTimedOut, new EventDetails.TaskFailed("sqs", "sendMessage", "States.Timeout", null)),
        ev(6, 5, 30, EventType.ActivityScheduled, act),
        ev(7, 6, 40, EventType.ActivityStarted, new EventDetails.ActivityStarted("w")),
        ev(8, 7, 90, EventType.ActivityTimedOut, new EventDetails.LambdaFailed("States.HeartbeatTimeout", null)),
        ev(9, 8, 95, EventType.ExecutionAborted, new EventDetails.ExecutionEnded(null, null))));

    String sqs = "arn:aws:states:::sqs:sendMessage";
    assertThat(count("ServiceIntegrationsScheduled", "ServiceIntegrationResourceArn", sqs)).isEqualTo(1);
    assertThat(count("ServiceIntegrationsTimedOut", "ServiceIntegrationResourceArn", sqs)).isEqualTo(1);
    assertThat(timer("ServiceIntegrationRunTime", "ServiceIntegrationResourceArn", sqs).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
    assertThat(count("ActivitiesHeartbeatTimedOut", "ActivityArn", ACTIVITY)).isEqualTo(1);
    assertThat(count("ActivitiesTimedOut", "ActivityArn", ACTIVITY)).isZero();
    assertThat(timer("ActivityScheduleTime", "ActivityArn", ACTIVITY).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(10);
    assertThat(count("ExecutionsAborted", "StateMachineArn", MACHINE)).isEqualTo(1);
    assertThat(metrics.remembered()).isZero();
  }

  @Test
  void aRedriveCountsAndTimesTheExecutionFromTheRedrive() {
    metrics.stepped(EXEC, List.of(ev(1, 0, 0, EventType.ExecutionStarted, EventDetails.NONE),
        ev(2, 1, 100, EventType.ExecutionFailed, new EventDetails.ExecutionEnded("E", null))));
    metrics.stepped(EXEC, List.of(ev(3, 2, 1_000, EventType.ExecutionRedriven, new EventDetails.ExecutionRedriven(1)),
        ev(4, 3, 1_040, EventType.ExecutionSucceeded, new EventDetails.ExecutionSucceeded(null))));

    assertThat(count("ExecutionsRedriven", "StateMachineArn", MACHINE)).isEqualTo(1);
    assertThat(timer("ExecutionTime", "StateMachineArn", MACHINE).totalTime(TimeUnit.MILLISECONDS)).isEqualTo(140);
  }

  @Test
  void stateMachineArnsAreDerivedFromStandardExpressAndMapRunExecutionArns() {
    assertThat(StepFunctionsMetrics.stateMachineArn(EXEC)).isEqualTo(MACHINE);
    assertThat(StepFunctionsMetrics.stateMachineArn("arn:aws:states:eu-west-1:1:express:Fast:abc:def"))
        .isEqualTo("arn:aws:states:eu-west-1:1:stateMachine:Fast");
    assertThat(StepFunctionsMetrics.stateMachineArn("arn:aws:states:us-east-1:1:execution:Orders/map1:x"))
        .isEqualTo("arn:aws:states:us-east-1:1:stateMachine:Orders");
    assertThat(StepFunctionsMetrics.stateMachineArn("not-an-arn")).isEqualTo("not-an-arn");
  }
}
