package io.stepwise.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import org.junit.jupiter.api.Test;

class UnknownResourcesTest {
  private static ExecutionResult run(String resource) {
    try (Engine engine = Engine.builder().fastTime(true).handler(new UnknownResources()).build()) {
      return engine.run(StateMachineParser.parse("{\"StartAt\":\"Describe\",\"States\":{\"Describe\":{\"Type\":\"Task\",\"Resource\":\""
          + resource + "\",\"End\":true}}}"), "{}", RunOptions.defaults().withNames("M", "r"));
    }
  }

  @Test
  void aTaskNoIntegrationAnswersFailsSayingWhatStepwiseCallsAndHowToAnswerIt() {
    ExecutionResult r = run("arn:aws:states:::aws-sdk:ec2:describeInstances");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).startsWith("Stepwise cannot call the AWS SDK integration with ec2 of the state 'Describe'"
        + " (arn:aws:states:::aws-sdk:ec2:describeInstances): it calls Lambda, DynamoDB, S3");
  }

  @Test
  void aCallbackTaskOfAnUnknownServiceWaitsForItsCallbackInstead() {
    ExecutionResult r = run("arn:aws:states:::aws-sdk:ecs:runTask.waitForTaskToken");
    assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(r.waitingFor()).contains("waits for SendTaskSuccess or SendTaskFailure");
  }
}
