package io.stepwise.engine;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Small helpers shared by the engine tests. */
final class Fixtures {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

  private Fixtures() {}

  static StateMachine machine(String json) {
    return StateMachineParser.parse(json);
  }

  static Engine.Builder engine() {
    return Engine.builder().clock(CLOCK).fastTime(true).region("us-east-1").account("111111111111");
  }

  static RunOptions options() {
    return RunOptions.defaults().withNames("Test", "exec-1");
  }

  static List<EventType> types(ExecutionResult r) {
    return r.events().stream().map(HistoryEvent::type).toList();
  }
}
