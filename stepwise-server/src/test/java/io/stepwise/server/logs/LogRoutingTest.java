package io.stepwise.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.history.EventType;
import io.stepwise.server.model.LogLevel;
import org.junit.jupiter.api.Test;

/** Which machine's configuration an execution logs by, which file its group is, which events each level writes. */
class LogRoutingTest {
  @Test
  void standardExpressAndMapRunChildExecutionsLogByTheirStateMachine() {
    String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";
    assertThat(ExecutionLogs.stateMachineArn("arn:aws:states:us-east-1:123456789012:execution:Orders:o-1")).isEqualTo(machine);
    assertThat(ExecutionLogs.stateMachineArn("arn:aws:states:us-east-1:123456789012:express:Orders:o-1:6f1c")).isEqualTo(machine);
    assertThat(ExecutionLogs.stateMachineArn("arn:aws:states:us-east-1:123456789012:execution:Orders/Lines:6f1c")).isEqualTo(machine);
    assertThat(ExecutionLogs.stateMachineArn("arn:aws:states:us-east-1:123456789012:activity:Track")).isNull();
  }

  @Test
  void aLogGroupsFileIsNamedAfterTheGroupWithNothingThatLeavesTheDirectory() {
    assertThat(LogDestination.fileName("arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/orders:*"))
        .isEqualTo("_aws_vendedlogs_states_orders.log");
    assertThat(LogDestination.fileName("arn:aws:logs:us-east-1:123456789012:log-group:../../etc/passwd")).doesNotContain("/");
  }

  @Test
  void levelsWriteAwsTableOfEvents() {
    assertThat(LogLevels.writes(LogLevel.ALL, EventType.PassStateEntered)).isTrue();
    assertThat(LogLevels.writes(LogLevel.ERROR, EventType.PassStateEntered)).isFalse();
    assertThat(LogLevels.writes(LogLevel.ERROR, EventType.TaskFailed)).isTrue();
    assertThat(LogLevels.writes(LogLevel.ERROR, EventType.LambdaFunctionTimedOut)).isTrue();
    assertThat(LogLevels.writes(LogLevel.ERROR, EventType.FailStateEntered)).isTrue();
    assertThat(LogLevels.writes(LogLevel.FATAL, EventType.FailStateEntered)).isFalse();
    assertThat(LogLevels.writes(LogLevel.FATAL, EventType.ExecutionTimedOut)).isTrue();
    assertThat(LogLevels.writes(LogLevel.FATAL, EventType.ExecutionSucceeded)).isFalse();
    assertThat(LogLevels.writes(LogLevel.OFF, EventType.ExecutionFailed)).isFalse();
  }
}
