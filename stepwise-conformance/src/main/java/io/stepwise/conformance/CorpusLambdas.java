package io.stepwise.conformance;

import io.stepwise.integrations.lambda.command.CommandTarget;
import io.stepwise.integrations.lambda.command.Runtimes;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The corpus's Lambda handlers ({@code lambdas/*.py}) as they run for real: each file a
 * local-command function of the Lambda integration, python3 running it through
 * {@code corpus_lambda.py} (the code as AWS deployed it) and the command protocol's Python
 * helper, one warm pool of workers per handler shared by every case. A case's function names and
 * ARNs are mapped to its handlers' functions ({@link #forCase}).
 */
final class CorpusLambdas implements AutoCloseable {
  private final Path lambdasDir;
  private final Path bootstrap;
  private final Duration timeout;
  private final int concurrency;
  private final Map<String, CommandTarget> byHandler = new ConcurrentHashMap<>();

  /**
   * @param timeout each function's own timeout: a worker still running past it is stopped
   *     (wait_60_seconds, which the corpus always times out sooner)
   * @param concurrency workers per handler at most
   */
  CorpusLambdas(Path lambdasDir, Duration timeout, int concurrency) {
    this.lambdasDir = lambdasDir.toAbsolutePath();
    this.timeout = timeout;
    this.concurrency = concurrency;
    try {
      Path dir = Files.createTempDirectory("stepwise-corpus-lambdas");
      dir.toFile().deleteOnExit();
      Runtimes.extract(Runtimes.PYTHON, dir).toFile().deleteOnExit();
      this.bootstrap = dir.resolve("corpus_lambda.py");
      try (InputStream in = CorpusLambdas.class.getResourceAsStream("corpus_lambda.py")) {
        Files.copy(in, bootstrap, StandardCopyOption.REPLACE_EXISTING);
      }
      bootstrap.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the corpus's Lambda bootstrap", e);
    }
  }

  /**
   * Starts one worker of every handler at once, beside the cases' loading: the harness runs in fast
   * time, where a Task's timeout fires a quarter of a second after the call if no answer came, and
   * starting Python takes about half a second, so a case's first call would time out only for being
   * cold.
   */
  void warmAll() {
    List<CommandTarget> all;
    try (var files = Files.list(lambdasDir)) {
      all = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".py"))
          .map(n -> forHandler(n.substring(0, n.length() - 3))).filter(java.util.Objects::nonNull).toList();
    } catch (IOException e) {
      return; // no lambdas directory: the cases that need one say so when they run
    }
    // all start at once, then each is waited for: the handlers' interpreters start side by side
    List<Thread> warming = all.stream().map(f -> Thread.ofVirtual().start(() -> f.warm(10_000))).toList();
    for (Thread t : warming) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The function running {@code lambdas/<handler>.py}, or null when the corpus has no such file. */
  CommandTarget forHandler(String handler) {
    Path file = lambdasDir.resolve(handler + ".py");
    if (!handler.matches("[a-zA-Z0-9_]+") || !Files.isRegularFile(file)) {
      return null;
    }
    return byHandler.computeIfAbsent(handler, h -> new CommandTarget(new FunctionSpec.Command(h, "python3",
        List.of(bootstrap.toString(), file.toString(), "handler"), Map.of(), lambdasDir, concurrency, timeout, 128),
        Map.of("AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1")));
  }

  /**
   * The functions a case deploys, keyed by function name and by ARN, each mapped to its
   * handler's function. Cases name their handlers in {@code expected.lambdas}; a case that only
   * lists {@code needs} (one handler) gets that handler under "*".
   */
  Map<String, LambdaTarget> forCase(ConformanceCase c) {
    Map<String, LambdaTarget> out = new LinkedHashMap<>();
    for (ConformanceCase.LambdaRef ref : c.lambdas().values()) {
      LambdaTarget fn = forHandler(ref.handler());
      if (fn == null) {
        throw new IllegalArgumentException("case " + c.id() + " deploys a handler the corpus has no file for: lambdas/" + ref.handler() + ".py");
      }
      out.put(ref.name(), fn);
      if (ref.arn() != null) {
        out.put(ref.arn(), fn);
      }
    }
    if (out.isEmpty()) {
      List<String> handlers = c.needs().stream().filter(s -> s.startsWith("lambda:")).map(s -> s.substring(7)).toList();
      if (handlers.size() == 1) {
        LambdaTarget fn = forHandler(handlers.get(0));
        if (fn == null) {
          throw new IllegalArgumentException("case " + c.id() + " needs a handler the corpus has no file for: lambdas/" + handlers.get(0) + ".py");
        }
        out.put("*", fn);
      } else if (handlers.size() > 1) {
        throw new IllegalArgumentException("case " + c.id() + " needs several handlers but does not say which function is which");
      }
    }
    return out;
  }

  /** Stops every worker. */
  @Override
  public void close() {
    byHandler.values().forEach(CommandTarget::close);
    byHandler.clear();
  }
}
