package io.stepwise.integrations.lambda.targets;

/**
 * What answers a function's invocations: an in-process Java handler, a local command, an HTTP
 * endpoint, or a real Lambda through the SDK. It answers as Lambda's Invoke does
 * ({@link InvokeResult}), or throws {@code TaskFailure} with a Lambda service error
 * ({@code Lambda.ServiceException}, ...) or the Java API's own error; an interrupt means the
 * task no longer waits (its timeout fired, its execution stopped).
 */
public interface LambdaTarget extends AutoCloseable {
  InvokeResult invoke(InvokeRequest request) throws Exception;

  /** {@code java}, {@code command}, {@code url} or {@code aws}. */
  String kind();

  /** What it calls, for the log and {@code stepwise functions list}. */
  String target();

  /** Stops what it runs (worker processes, clients). */
  @Override
  default void close() {}
}
