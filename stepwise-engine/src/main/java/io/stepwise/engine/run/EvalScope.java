package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.random.RandomGenerator;

/**
 * What an expression in a running state sees: a value as {@code $}, the context object as
 * {@code $$} (built only when read), the frame's variables, the execution's seeded randomness.
 */
final class EvalScope implements Scope {
  private final Frame frame;
  private final JsonNode input;
  private final MapItem item;
  private JsonNode result;
  private JsonNode errorOutput;
  private ObjectNode context;

  /** The current Map item, visible as $$.Map.Item in ItemSelector. */
  record MapItem(int index, JsonNode value, String key) {}

  EvalScope(Frame frame, JsonNode input) {
    this(frame, input, null);
  }

  EvalScope(Frame frame, JsonNode input, MapItem item) {
    this.frame = frame;
    this.input = input;
    this.item = item;
  }

  /** The JSONata-mode view after the state's work: $states.result. */
  EvalScope withResult(JsonNode r) {
    this.result = r;
    return this;
  }

  /** The JSONata-mode view inside a Catch: $states.errorOutput. */
  EvalScope withErrorOutput(JsonNode e) {
    this.errorOutput = e;
    return this;
  }

  @Override
  public JsonNode input() {
    return input;
  }

  @Override
  public JsonNode result() {
    return result;
  }

  @Override
  public JsonNode errorOutput() {
    return errorOutput;
  }

  @Override
  public JsonNode context() {
    if (context == null) {
      context = build();
    }
    return context;
  }

  private ObjectNode build() {
    ExecutionInfo info = frame.exec.info;
    ObjectNode c = Json.NODES.objectNode();
    c.set("Execution", info.executionContext());
    c.set("StateMachine", info.machineContext());
    if (frame.state != null) {
      ObjectNode s = c.putObject("State");
      s.put("Name", frame.state.name());
      s.put("EnteredTime", Times.iso(frame.enteredTime));
      if (frame.state instanceof io.stepwise.asl.model.TaskState
          || frame.state instanceof io.stepwise.asl.model.ParallelState
          || frame.state instanceof io.stepwise.asl.model.MapState) {
        s.put("RetryCount", frame.retryTotal); // only states that can retry have the count
      }
    }
    if (frame.taskToken != null) {
      c.putObject("Task").put("Token", frame.taskToken);
    }
    if (item != null) {
      ObjectNode i = c.putObject("Map").putObject("Item");
      i.put("Index", item.index());
      if (item.key() != null) {
        i.put("Key", item.key());
      }
      i.set("Value", item.value());
    }
    return c;
  }

  @Override
  public JsonNode variable(String name) {
    return frame.vars.get(name);
  }

  @Override
  public RandomGenerator random() {
    return frame.exec.random;
  }

  /** $now() reads the newest event's time: recorded, so a replay computes the same value. */
  @Override
  public java.time.InstantSource clock() {
    return () -> java.time.Instant.ofEpochMilli(frame.exec.lastTimestamp());
  }
}
