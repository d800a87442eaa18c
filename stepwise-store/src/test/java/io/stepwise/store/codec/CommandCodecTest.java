package io.stepwise.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.TimerKind;
import io.stepwise.store.Driven;
import io.stepwise.store.Machines;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
  private static Command roundTrip(Command c) {
    String json = CommandCodec.encode(c);
    Command back = CommandCodec.decode(json);
    assertThat(CommandCodec.encode(back)).as("written again").isEqualTo(json);
    return back;
  }

  @Test
  void everyCommandButAChildsStartComesBackAsItWent() {
    String sync = "arn:aws:states:::states:startExecution.sync:2";
    Command.CancelTask cancel = new Command.CancelTask(7, ResourceArn.of(sync), new io.stepwise.engine.task.TaskRequest(sync,
        Json.NODES.objectNode().put("StateMachineArn", "arn:aws:states:us-east-1:1:stateMachine:child"), "Child",
        "arn:aws:states:us-east-1:1:execution:parent:e", Json.NODES.objectNode(), "token-e-1"));
    for (Command c : List.of(cancel, new Command.StartTimer(9, TimerKind.HEARTBEAT_TIMEOUT, 1_767_225_600_123L),
        new Command.CancelTimer(9), new Command.Continue(), new Command.StopChildExecution("arn:aws:states:us-east-1:1:execution:M/L:c"),
        new Command.Finish(ExecutionStatus.TIMED_OUT))) {
      assertThat(roundTrip(c)).isEqualTo(c);
    }
    assertThat(CommandCodec.encode(new Command.StartTimer(9, TimerKind.WAIT, 5)))
        .isEqualTo("{\"command\":\"StartTimer\",\"timerId\":9,\"kind\":\"WAIT\",\"due\":5}");
  }

  @Test
  void aMockedTaskComesBackWithItsMockedCall() {
    Machines machines = new Machines();
    Driven d = machines.drivenWithTestCase("Orders", Machines.TASK, "e", "{\"amount\":1}", "Happy");
    d.start(0);
    Command.ScheduleTask s = d.command(Command.ScheduleTask.class);
    assertThat(s.mock()).isEqualTo(new io.stepwise.engine.mock.MockCall("Happy", "Charged", 0));
    Command.ScheduleTask back = (Command.ScheduleTask) roundTrip(s);
    assertThat(back.mock()).isEqualTo(s.mock());
    assertThat(CommandCodec.encode(s)).contains("\"mock\":{\"testCase\":\"Happy\",\"response\":\"Charged\",\"call\":0}");
    Command.CancelTask cancel = new Command.CancelTask(s.scheduledEventId(), s.resource(), s.request(), s.mock());
    assertThat(((Command.CancelTask) roundTrip(cancel)).mock()).isEqualTo(s.mock());
    machines.engine.close();
  }

  @Test
  void aScheduledTaskComesBackWithItsResourceRebuiltAndItsRequest() {
    Machines machines = new Machines();
    for (String definition : List.of(Machines.TASK, Machines.CALLBACK, Machines.activity(Machines.ACTIVITY), """
        {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:price:live","End":true}}}""")) {
      Driven d = machines.driven("M", definition, "e", "{\"amount\":1.10,\"order\":{\"id\":\"x\"}}");
      d.start(0);
      Command.ScheduleTask s = d.command(Command.ScheduleTask.class);
      Command.ScheduleTask back = (Command.ScheduleTask) roundTrip(s);
      assertThat(back.scheduledEventId()).isEqualTo(s.scheduledEventId());
      assertThat(back.resource()).isEqualTo(s.resource()).isEqualTo(ResourceArn.of(s.resource().arn()));
      assertThat(back.isActivity()).isEqualTo(s.isActivity());
      assertThat(back.isCallback()).isEqualTo(s.isCallback());
      assertThat(back.request().resource()).isEqualTo(s.request().resource());
      assertThat(Json.write(back.request().input())).isEqualTo(Json.write(s.request().input()));
      assertThat(Json.write(back.request().context())).isEqualTo(Json.write(s.request().context()));
      assertThat(back.request().stateName()).isEqualTo(s.request().stateName());
      assertThat(back.request().executionArn()).isEqualTo(s.request().executionArn());
      assertThat(back.request().taskToken()).isEqualTo(s.request().taskToken());
    }
    machines.engine.close();
  }

  @Test
  void aChildsStartIsNotEncodedAndMalformedTextIsNamed() {
    Machines machines = new Machines();
    Driven parent = machines.driven("M", Machines.DISTRIBUTED, "p", "[1]");
    parent.start(0);
    Command.StartChildExecution child = parent.command(Command.StartChildExecution.class);
    assertThatThrownBy(() -> CommandCodec.encode(child)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stored as an execution of its own");
    machines.engine.close();

    assertThatThrownBy(() -> CommandCodec.decode("{\"command\":")).isInstanceOf(CodecException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> CommandCodec.decode("[1]")).isInstanceOf(CodecException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> CommandCodec.decode("{\"command\":\"Launch\"}")).isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown command 'Launch'");
    assertThatThrownBy(() -> CommandCodec.decode("{\"command\":\"StartTimer\",\"timerId\":1,\"kind\":\"NAP\",\"due\":1}"))
        .isInstanceOf(CodecException.class).hasMessageContaining("kind 'NAP' is not a TimerKind");
    assertThatThrownBy(() -> CommandCodec.decode("{\"command\":\"CancelTask\",\"scheduledEventId\":\"5\"}"))
        .isInstanceOf(CodecException.class).hasMessageContaining("scheduledEventId must be a whole number");
  }
}
