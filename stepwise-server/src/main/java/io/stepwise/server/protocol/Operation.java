package io.stepwise.server.protocol;

/**
 * One operation of the Step Functions API, routed by {@code X-Amz-Target:
 * AWSStepFunctions.<name>}. The endpoint reads the body with {@link #read}, reports every
 * constraint violation the reading recorded (ValidationException), and only then calls {@link
 * #handle} with a request that fits the model's shape. Whatever the operation cannot do is an
 * {@link ApiException}; anything else it throws is a bug, answered as InternalFailure.
 *
 * <p>Operations run on virtual threads, many at once: whatever they share must be thread-safe.
 *
 * @param <Q> the operation's request record
 * @param <R> the operation's response record
 */
public interface Operation<Q, R extends Response> {
  /** The operation's name as the API model spells it, e.g. {@code CreateStateMachine}. */
  String name();

  /** Reads the request from the body; type errors throw, constraint violations are recorded. */
  Q read(JsonInput input);

  /** Carries the request out. */
  R handle(Q request, RequestContext context);
}
