package io.stepwise.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.List;

/**
 * An execution the contract tests drive through the engine's step call, turning each step into the
 * write a server would commit: real events, real commands, real task tokens.
 */
public final class Driven {
  private final Stepper stepper;
  private final JsonNode input;
  private final String roleArn;
  private long events;
  private Step last;

  Driven(Stepper stepper, JsonNode input, String roleArn) {
    this.stepper = stepper;
    this.input = input;
    this.roleArn = roleArn;
  }

  public String arn() {
    return stepper.executionArn();
  }

  public ExecutionRecord record() {
    return stepper.record();
  }

  /** How many events the history holds after the steps taken so far. */
  public long events() {
    return events;
  }

  /** The first step, as StartExecution stores it. */
  public NewExecution start(long startDate) {
    return start(startDate, null, null);
  }

  public NewExecution start(long startDate, String versionArn, String aliasArn) {
    StepWrite first = step(new StepInput.Start());
    return new NewExecution(stepper.record(), versionArn, aliasArn, null, roleArn, Json.write(input), startDate, first);
  }

  /** The next step, made after the steps taken so far. */
  public StepWrite step(StepInput in) {
    Step s = stepper.step(in);
    StepWrite w = StepWrite.of(arn(), events, in, s);
    events += s.events().size();
    last = s;
    return w;
  }

  public Step last() {
    return last;
  }

  public List<Command> commands() {
    return last.commands();
  }

  public <C extends Command> C command(Class<C> type) {
    return commands().stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + commands()));
  }

  public <C extends Command> List<C> all(Class<C> type) {
    return commands().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
