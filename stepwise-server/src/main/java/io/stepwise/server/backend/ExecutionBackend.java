package io.stepwise.server.backend;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.Engine;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.runtime.Machines;
import io.stepwise.runtime.Retention;
import io.stepwise.store.Store;
import io.stepwise.store.memory.InMemoryStore;
import io.stepwise.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the execution operations run on: the store (one SQLite file under the data directory, or
 * memory), the definitions beside it, the engine, and the durable runtime over them, recovered
 * from the store when opened.
 */
public final class ExecutionBackend implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionBackend.class);

  private final Store store;
  private final DefinitionFiles definitions;
  private final Machines machines;
  private final DurableRuntime runtime;
  private final Engine engine;
  private final InstantSource clock;
  private volatile Retention retention;

  private ExecutionBackend(Store store, DefinitionFiles definitions, Engine engine, InstantSource clock) {
    this.store = store;
    this.definitions = definitions;
    this.engine = engine;
    this.clock = clock;
    this.machines = new Machines(sha -> definitions == null ? Optional.empty() : definitions.text(sha));
    if (definitions != null) {
      for (StateMachine m : definitions.all()) {
        machines.register(m);
      }
    }
    this.runtime = new DurableRuntime(engine, store, machines, clock, 20_000, 1_000);
  }

  /** Durable: {@code DIR/stepwise.db} and {@code DIR/definitions/}; the stored work is recovered. */
  public static ExecutionBackend open(Path dataDir, Engine engine, InstantSource clock) {
    try {
      java.nio.file.Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create the data directory " + dataDir, e);
    }
    Path db = dataDir.resolve("stepwise.db");
    ExecutionBackend b = new ExecutionBackend(SqliteStore.open(db), new DefinitionFiles(dataDir.resolve("definitions")), engine, clock);
    log.info("Executions are stored in {}", db.toAbsolutePath());
    b.runtime.recover();
    return b;
  }

  /** In memory: lost when the process ends (tests). */
  public static ExecutionBackend inMemory(Engine engine, InstantSource clock) {
    return new ExecutionBackend(new InMemoryStore(), null, engine, clock);
  }

  /** Whether the state machine has Standard executions running (for DeleteStateMachine's DELETING). */
  public boolean anyRunning(String stateMachineArn) {
    return !store.executions(io.stepwise.store.ExecutionQuery.stateMachine(stateMachineArn)
        .withStatus(io.stepwise.engine.ExecutionStatus.RUNNING).withLimit(1)).items().isEmpty();
  }

  public Store store() {
    return store;
  }

  public DurableRuntime runtime() {
    return runtime;
  }

  public Engine engine() {
    return engine;
  }

  /** The text of a definition an execution started with, by its digest; empty when it was never kept. */
  public Optional<String> definitionText(String sha256) {
    return machines.byDigest(sha256).map(StateMachine::definition);
  }

  /**
   * Keeps ended executions for {@code keep} after they stopped, then deletes them with their
   * histories: purged now and then every {@code every} (see {@link Retention}).
   */
  public void retain(Duration keep, Duration every) {
    if (retention != null) {
      retention.close();
    }
    retention = new Retention(store, clock, keep, Duration.ofMillis(10)).start(every);
  }

  /** The retention set by {@link #retain}, or null when every execution is kept. */
  public Retention retention() {
    return retention;
  }

  /** Keeps a definition's text before an execution of it is stored (the runtime registers it as it starts one). */
  public void keep(StateMachine machine) {
    if (definitions != null) {
      definitions.save(machine);
    }
  }

  @Override
  public void close() {
    if (retention != null) {
      retention.close();
    }
    runtime.close();
    store.close();
  }
}
