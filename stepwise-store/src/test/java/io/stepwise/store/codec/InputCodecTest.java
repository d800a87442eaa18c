package io.stepwise.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.StepInput;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputCodecTest {
  @Test
  void everyInputComesBackAsItWent() {
    var output = Json.NODES.objectNode().put("price", new BigDecimal("2.50")).put("name", "caf\u00e9");
    List<StepInput> inputs = List.of(new StepInput.Start(), new StepInput.Continue(),
        new StepInput.TaskSucceeded(5, output), new StepInput.TaskSucceeded(5, Json.NODES.nullNode()),
        new StepInput.TaskFailed(5, "Busy", "try later"), new StepInput.TaskFailed(5, null, null),
        new StepInput.Stop("Halt", null), new StepInput.Stop(null, null),
        new StepInput.CallbackSucceeded("tok", output), new StepInput.CallbackFailed("tok", "E", "C"),
        new StepInput.ActivityStarted("tok", "worker-1"), new StepInput.ActivityStarted("tok", null),
        new StepInput.Heartbeat("tok"),
        new StepInput.ChildExecutionEnded("arn:aws:states:us-east-1:1:execution:M/L:c", ExecutionStatus.SUCCEEDED, output, null, null),
        new StepInput.ChildExecutionEnded("arn:aws:states:us-east-1:1:execution:M/L:c", ExecutionStatus.ABORTED, null, "Stopped", "why"),
        new StepInput.ChildExecutionEnded("arn:aws:states:us-east-1:1:execution:M/L:c", ExecutionStatus.FAILED, null, "E", null, 2),
        new StepInput.TimerFired(12),
        new StepInput.UpdateMapRun("arn:aws:states:us-east-1:1:mapRun:M/L:r", 5, 2L, 12.5),
        new StepInput.UpdateMapRun("arn:aws:states:us-east-1:1:mapRun:M/L:r", null, null, 0.0), new StepInput.Redrive());
    for (StepInput in : inputs) {
      String json = InputCodec.encode(in);
      StepInput back = InputCodec.decode(json);
      assertThat(back).as(json).isEqualTo(in);
      assertThat(InputCodec.encode(back)).isEqualTo(json);
    }
  }

  @Test
  void aJsonNullOutputAndAnAbsentOneStayApart() {
    assertThat(InputCodec.encode(new StepInput.TaskSucceeded(5, Json.NODES.nullNode())))
        .isEqualTo("{\"input\":\"TaskSucceeded\",\"scheduledEventId\":5,\"output\":null}");
    StepInput.ChildExecutionEnded failed = (StepInput.ChildExecutionEnded) InputCodec.decode(
        "{\"input\":\"ChildExecutionEnded\",\"executionArn\":\"a\",\"status\":\"FAILED\",\"error\":\"E\"}");
    assertThat(failed.output()).isNull();
    assertThat(failed.cause()).isNull();
  }

  @Test
  void malformedInputsAreNamed() {
    assertThatThrownBy(() -> InputCodec.decode("{\"input\":\"Poke\"}")).isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown input 'Poke'");
    assertThatThrownBy(() -> InputCodec.decode("{\"input\":\"Heartbeat\"}")).isInstanceOf(CodecException.class)
        .hasMessageContaining("a Heartbeat input: taskToken must be a string");
    assertThatThrownBy(() -> InputCodec.decode("{\"kind\":\"Start\"}")).isInstanceOf(CodecException.class)
        .hasMessageContaining("input must be a string");
    assertThatThrownBy(() -> InputCodec.decode("{\"input\":\"ChildExecutionEnded\",\"executionArn\":\"a\",\"status\":\"DONE\"}"))
        .isInstanceOf(CodecException.class).hasMessageContaining("status 'DONE' is not a ExecutionStatus");
  }
}
