package io.stepwise.engine;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.task.LambdaFunction;
import io.stepwise.engine.task.TaskInvoker;
import java.time.InstantSource;

/** STUB: the API the engine will provide. */
public final class Engine {
  public static Builder builder() {
    return new Builder();
  }

  /** Runs one execution to its end and returns how it ended. */
  public ExecutionResult run(StateMachine machine, String inputJson, RunOptions options) {
    throw new UnsupportedOperationException("TODO");
  }

  public static final class Builder {
    public Builder region(String region) { return this; }
    public Builder account(String account) { return this; }
    public Builder clock(InstantSource clock) { return this; }
    /** Wait states and retry back-off take no wall time. */
    public Builder fastTime(boolean fast) { return this; }
    /** A handler for a Task resource ARN (exact match). */
    public Builder invoker(String resourceArn, TaskInvoker invoker) { return this; }
    /** A Lambda function, by name or by ARN, called by lambda ARNs and by arn:aws:states:::lambda:invoke. */
    public Builder lambda(String functionNameOrArn, LambdaFunction function) { return this; }
    public Engine build() { return new Engine(); }
  }
}
