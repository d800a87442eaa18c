package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Emulated AWS Lambda: functions registered by name, partial ARN, full ARN or "*" (any
 * function), answering both ways a state machine calls Lambda. A Lambda function ARN resource
 * gets the function's result as it is; {@code arn:aws:states:::lambda:invoke} gets it wrapped
 * in Lambda's response (or, with {@code .waitForTaskToken}, as what the callback sends). A
 * reference nothing matches fails with Lambda.ResourceNotFoundException, as on AWS.
 *
 * <p>Register it with {@code Engine.builder().handler(...)}. Its clock and request ids are
 * injected ({@link #builder}) so that responses can be reproduced; {@link
 * #withSystemClockAndRandomIds} is the real clock and random ids, for running rather than
 * asserting.
 */
public final class LambdaFunctions implements TaskHandler {
  private final FunctionLookup functions;
  private final LambdaInvoke invoke;

  private LambdaFunctions(Map<String, LambdaFunction> functions, InstantSource clock, Supplier<UUID> requestIds) {
    this.functions = new FunctionLookup(functions, requestIds);
    this.invoke = new LambdaInvoke(this.functions, clock, requestIds);
  }

  /**
   * A builder with the given clock and request ids.
   *
   * @param clock when Lambda answers (the response's Date header and trace id)
   * @param requestIds the ids of invocations and of failed look-ups, drawn one per use; called
   *     from several threads when tasks run at once
   */
  public static Builder builder(InstantSource clock, Supplier<UUID> requestIds) {
    return new Builder(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(requestIds, "requestIds"));
  }

  /** A builder on the system clock with random request ids, as real invocations would have. */
  public static Builder withSystemClockAndRandomIds() {
    return builder(InstantSource.system(), UUID::randomUUID);
  }

  /** Lambda function ARNs and {@code lambda:invoke} (with any pattern), whether or not the function is registered. */
  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    return resource.type() == ResourceArn.Type.LAMBDA_FUNCTION || resource.isLambdaInvoke();
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) throws Exception {
    if (resource.type() == ResourceArn.Type.LAMBDA_FUNCTION) {
      return functions.find(request.resource(), resource.functionName(), request.executionArn()).handle(request.input());
    }
    if (resource.isLambdaInvoke()) {
      return invoke.call(request);
    }
    throw new IllegalArgumentException("Not a Lambda resource: " + request.resource());
  }

  /** Collects functions; a later registration under the same key replaces the earlier. */
  public static final class Builder {
    private final InstantSource clock;
    private final Supplier<UUID> requestIds;
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();

    private Builder(InstantSource clock, Supplier<UUID> requestIds) {
      this.clock = clock;
      this.requestIds = requestIds;
    }

    /**
     * A function under a name ({@code my-fn}), a partial ARN ({@code 123456789012:function:my-fn}),
     * a full ARN (with or without a version or alias), or "*" for any function nothing else
     * matches. A task's reference is looked up as written, then by its bare name, then as "*".
     */
    public Builder function(String nameOrArn, LambdaFunction function) {
      functions.put(Objects.requireNonNull(nameOrArn, "nameOrArn"), Objects.requireNonNull(function, "function"));
      return this;
    }

    /** Every function of the map, by its key as {@link #function} takes it. */
    public Builder functions(Map<String, ? extends LambdaFunction> byNameOrArn) {
      byNameOrArn.forEach(this::function);
      return this;
    }

    public LambdaFunctions build() {
      return new LambdaFunctions(functions, clock, requestIds);
    }
  }
}
