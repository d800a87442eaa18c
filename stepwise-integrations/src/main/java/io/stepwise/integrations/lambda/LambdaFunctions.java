package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.JavaTarget;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * AWS Lambda as a state machine reaches it: functions registered by name, partial ARN, full ARN
 * or "*" (any function), each a {@link LambdaTarget} (a Java {@link LambdaFunction}, a local
 * command, an HTTP endpoint, a real Lambda), and optionally a remote Lambda for every other
 * name. Both ways a state machine calls Lambda are answered: a Lambda function ARN resource gets
 * the function's result as it is; {@code arn:aws:states:::lambda:invoke} gets it wrapped in
 * Lambda's response ({@link LambdaInvoke}; with {@code .waitForTaskToken}, the result stands for
 * the callback). A function's error fails the task as Step Functions does ({@link FunctionErrors}); a
 * reference nothing matches fails with Lambda.ResourceNotFoundException, as on AWS.
 *
 * <p>Register it with {@code Engine.builder().handler(...)}. Its clock and request ids are
 * injected ({@link #builder}) so that responses can be reproduced; {@link
 * #withSystemClockAndRandomIds} is the real clock and random ids, for running rather than
 * asserting.
 */
public final class LambdaFunctions implements TaskHandler, AutoCloseable {
  private final FunctionLookup functions;
  private final LambdaInvoke invoke;
  private final Supplier<UUID> requestIds;
  private final Map<String, LambdaTarget> owned;

  private LambdaFunctions(Map<String, LambdaTarget> functions, LambdaTarget remote, InstantSource clock, Supplier<UUID> requestIds) {
    this.functions = new FunctionLookup(functions, remote);
    this.requestIds = requestIds;
    this.invoke = new LambdaInvoke(this.functions, clock);
    this.owned = new LinkedHashMap<>(functions);
    if (remote != null) {
      owned.put(" remote", remote);
    }
  }

  /**
   * A builder with the given clock and request ids.
   *
   * @param clock when Lambda answers (the response's Date header and trace id)
   * @param requestIds the ids of invocations, one drawn per call; called from several threads when tasks run at once
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

  /**
   * {@code lambda:invoke.waitForTaskToken} on a declared function (a command, a URL, a real
   * Lambda) hands the task on, as on AWS: the Invoke response is recorded as TaskSubmitted and the
   * task waits for SendTaskSuccess or SendTaskFailure with the token the payload carried. A Java
   * function of the Java API answers for its callback instead (its result is what the callback
   * sends), which keeps in-process tests of callback workflows to one function.
   */
  @Override
  public boolean submits(ResourceArn resource, TaskRequest request) {
    if (!resource.isLambdaInvoke() || !resource.resource().endsWith(".waitForTaskToken")) {
      return false;
    }
    JsonNode name = request.input() == null ? null : request.input().get("FunctionName");
    try {
      return !(name != null && name.isTextual()
          && functions.find(FunctionRef.parse(name.textValue()), request.executionArn(), "-") instanceof JavaTarget);
    } catch (RuntimeException noSuchFunction) {
      return true; // the call fails as Lambda would, which fails the task whether handed on or not
    }
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) throws Exception {
    String requestId = requestIds.get().toString();
    if (resource.type() == ResourceArn.Type.LAMBDA_FUNCTION) {
      FunctionRef ref = FunctionRef.parse(request.resource());
      LambdaTarget target = functions.find(ref, request.executionArn(), requestId);
      InvokeResult r = target.invoke(InvokeRequest.of(ref.text(), ref.name(), ref.invokedArn(request.executionArn(), null),
          ref.qualifier(), request.input(), requestId));
      if (r.functionError() != null) {
        throw FunctionErrors.of(r); // a Lambda ARN task records the error payload as the runtime wrote it
      }
      return r.value();
    }
    if (resource.isLambdaInvoke()) {
      return invoke.call(request, requestId);
    }
    throw new IllegalArgumentException("Not a Lambda resource: " + request.resource());
  }

  /** Stops every function's workers and clients. */
  @Override
  public void close() {
    java.util.IdentityHashMap<LambdaTarget, Boolean> seen = new java.util.IdentityHashMap<>();
    for (LambdaTarget t : owned.values()) {
      if (seen.put(t, Boolean.TRUE) == null) {
        t.close();
      }
    }
  }

  /** Collects functions; a later registration under the same key replaces the earlier. */
  public static final class Builder {
    private final InstantSource clock;
    private final Supplier<UUID> requestIds;
    private final Map<String, LambdaTarget> functions = new LinkedHashMap<>();
    private LambdaTarget remote;

    private Builder(InstantSource clock, Supplier<UUID> requestIds) {
      this.clock = clock;
      this.requestIds = requestIds;
    }

    /**
     * A Java function under a name ({@code my-fn}), a partial ARN ({@code 123456789012:function:my-fn}),
     * a full ARN (with or without a version or alias), or "*" for any function nothing else
     * matches. A task's reference is looked up as written, then by its bare name, then as "*".
     */
    public Builder function(String nameOrArn, LambdaFunction function) {
      Objects.requireNonNull(function, "function");
      return target(nameOrArn, new JavaTarget(FunctionRef.parse(nameOrArn).name(), function));
    }

    /** Every function of the map, by its key as {@link #function} takes it. */
    public Builder functions(Map<String, ? extends LambdaFunction> byNameOrArn) {
      byNameOrArn.forEach(this::function);
      return this;
    }

    /** Any kind of function under a name or ARN, as {@link #function} takes it; closed with this handler. */
    public Builder target(String nameOrArn, LambdaTarget target) {
      functions.put(Objects.requireNonNull(nameOrArn, "nameOrArn"), Objects.requireNonNull(target, "target"));
      return this;
    }

    /** What answers every reference nothing registered matches (a real Lambda), instead of ResourceNotFoundException. */
    public Builder remote(LambdaTarget remote) {
      this.remote = remote;
      return this;
    }

    public LambdaFunctions build() {
      return new LambdaFunctions(functions, remote, clock, requestIds);
    }
  }
}
