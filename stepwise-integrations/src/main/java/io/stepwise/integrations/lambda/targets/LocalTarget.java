package io.stepwise.integrations.lambda.targets;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function Stepwise runs itself (Java, a command, a URL): Lambda's invocation types are
 * carried out here, alike for each. RequestResponse runs the function and waits; Event runs it
 * on a thread of its own and answers 202 at once (a failure is logged, as Lambda would send it
 * to a dead-letter target; Lambda's two retries of a failed event are not made); DryRun runs
 * nothing and answers 204.
 */
public abstract class LocalTarget implements LambdaTarget {
  private static final Logger log = LoggerFactory.getLogger(LocalTarget.class);

  /** A run's result and the lines the function logged meanwhile (for LogType Tail). */
  public record Ran(InvokeResult result, List<String> log) {}

  protected final String function;
  protected final int memoryMb;

  protected LocalTarget(String function, int memoryMb) {
    this.function = function;
    this.memoryMb = memoryMb;
  }

  /** Runs one invocation and waits for its end. */
  protected abstract Ran run(InvokeRequest request) throws Exception;

  @Override
  public final InvokeResult invoke(InvokeRequest request) throws Exception {
    switch (request.type()) {
      case DRY_RUN -> {
        return InvokeResult.dryRun();
      }
      case EVENT -> {
        Thread.ofVirtual().name("lambda-event-" + function).start(() -> {
          try {
            InvokeResult r = run(request).result();
            if (r.functionError() != null) {
              log.warn("{}: the event invocation {} failed: {}", function, request.requestId(), r.payloadText());
            }
          } catch (Exception e) {
            log.warn("{}: the event invocation {} failed: {}", function, request.requestId(), e.getMessage());
          }
        });
        return InvokeResult.accepted();
      }
      default -> {
        long start = System.nanoTime();
        Ran ran = run(request);
        if (!request.tailLog()) {
          return ran.result();
        }
        return ran.result().withLog(TailLog.of(request.requestId(), ran.log(), System.nanoTime() - start, memoryMb));
      }
    }
  }
}
