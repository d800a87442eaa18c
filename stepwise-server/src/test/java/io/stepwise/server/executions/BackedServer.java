package io.stepwise.server.executions;

import io.stepwise.engine.Engine;
import io.stepwise.server.Server;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A test server with its execution side, as `stepwise serve` assembles it: an engine on the given
 * clock, the SQLite backend in a directory, the execution operations, and whatever else {@code
 * setup} adds (a registry, a clock for the server); closed in the reverse order.
 */
final class BackedServer implements AutoCloseable {
  final Engine engine;
  final ExecutionBackend backend;
  final TestServer api;

  BackedServer(Path data, InstantSource clock, Consumer<Server.Builder> setup) {
    this(data, clock, setup, e -> { });
  }

  /** As {@link #BackedServer(Path, InstantSource, Consumer)}, with more for the engine (mocks, handlers). */
  BackedServer(Path data, InstantSource clock, Consumer<Server.Builder> setup, Consumer<Engine.Builder> engineSetup) {
    Engine.Builder e = Engine.builder().region("us-east-1").account("123456789012").clock(clock);
    engineSetup.accept(e);
    engine = e.build();
    backend = ExecutionBackend.open(data, engine, clock);
    api = new TestServer(b -> {
      b.runningExecutions(backend::anyRunning)
          .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1))));
      setup.accept(b);
    });
  }

  BackedServer(Path data) {
    this(data, InstantSource.system(), b -> { });
  }

  @Override
  public void close() {
    api.close();
    backend.close();
    engine.close();
  }
}
