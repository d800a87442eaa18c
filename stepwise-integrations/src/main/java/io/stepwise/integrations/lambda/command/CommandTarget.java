package io.stepwise.integrations.lambda.command;

import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.LambdaErrors;
import io.stepwise.integrations.lambda.targets.LocalTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function run by a local command: a pool of long-lived {@link Worker}s, each started on the
 * first call that finds none free and kept warm for the next, as Lambda keeps a sandbox. At most
 * {@code concurrency} run at once, each one invocation at a time (a handler need not be
 * thread-safe and a crash takes only its own invocation down); a call that finds them all busy
 * waits for one. A worker that ends is replaced on the next call. A call that the task stops
 * waiting for (its TimeoutSeconds, a stopped execution) goes on, as on Lambda, until it answers or
 * the function's own timeout stops its worker.
 */
public final class CommandTarget extends LocalTarget {
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lambda-deadlines");
    t.setDaemon(true);
    return t;
  });

  private final FunctionSpec.Command spec;
  private final Map<String, String> extraEnv;
  private final Logger log;
  private final Semaphore permits;
  private final Deque<Worker> idle = new ConcurrentLinkedDeque<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param extraEnv variables set for the process besides the spec's own and Lambda's
   *     (AWS_LAMBDA_FUNCTION_NAME, AWS_REGION, ...)
   */
  public CommandTarget(FunctionSpec.Command spec, Map<String, String> extraEnv) {
    super(spec.name(), spec.memoryMb());
    this.spec = spec;
    this.extraEnv = Map.copyOf(extraEnv);
    this.log = LoggerFactory.getLogger("io.stepwise.lambda." + spec.name());
    this.permits = new Semaphore(spec.concurrency(), true);
  }

  @Override
  protected Ran run(InvokeRequest request) throws Exception {
    if (closed) {
      throw LambdaErrors.service("ServiceException", 500, "Stepwise is stopping: the function " + function + " takes no more calls",
          request.requestId());
    }
    permits.acquire();
    Worker w;
    try {
      w = take();
    } catch (IOException e) {
      permits.release();
      log.warn("{}: cannot start {}: {}", function, spec.command(), e.getMessage());
      return ran(Worker.notStarted(request.requestId(), "fork/exec " + spec.command() + ": " + e.getMessage()));
    }
    long timeout = spec.timeout().toMillis();
    CompletableFuture<Worker.Result> done = w.call(request.requestId(),
        Protocol.request(request, spec.memoryMb(), System.currentTimeMillis() + timeout));
    ScheduledFuture<?> deadline = DEADLINES.schedule(
        () -> w.timeOut(request.requestId(), LambdaErrors.timedOut(request.requestId(), timeout)), timeout, TimeUnit.MILLISECONDS);
    done.whenComplete((r, e) -> {
      deadline.cancel(false);
      release(w);
    });
    return ran(done.get()); // an interrupt leaves the call to finish, or time out, on its own
  }

  private static Ran ran(Worker.Result r) {
    return new Ran(r.result(), r.log());
  }

  private Worker take() throws IOException {
    Worker w;
    while ((w = idle.pollFirst()) != null) {
      if (w.alive()) {
        return w;
      }
      all.remove(w);
    }
    ProcessBuilder pb = new ProcessBuilder(command()).directory(spec.workdir().toFile());
    Map<String, String> env = pb.environment();
    env.putAll(extraEnv);
    env.put("AWS_LAMBDA_FUNCTION_NAME", function);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("PYTHONUNBUFFERED", "1");
    env.putAll(spec.env());
    Worker started = Worker.start(function, pb, log);
    all.add(started);
    log.info("{}: started a worker (pid {}): {}", function, started.pid(), String.join(" ", command()));
    return started;
  }

  private List<String> command() {
    List<String> c = new ArrayList<>();
    c.add(spec.command());
    c.addAll(spec.args());
    return c;
  }

  private void release(Worker w) {
    if (w.alive() && !closed) {
      idle.addFirst(w); // the warmest first
    } else {
      all.remove(w);
      if (closed) {
        w.stop(0);
      }
    }
    permits.release();
  }

  /**
   * Starts a worker now, before any call, as Lambda's provisioned concurrency keeps a sandbox
   * initialised: its interpreter starts and loads the handler while nothing waits, so the first
   * call is a warm one. Waits at most {@code maxWaitMillis} for the worker to say it is ready (the
   * protocol's {@code {"ready":true}} line); true when it did. Does nothing, and is true, when a
   * worker is idle already; false when none could be started (the first call then reports why).
   */
  public boolean warm(long maxWaitMillis) {
    if (closed) {
      return false;
    }
    Worker w = idle.peekFirst();
    if (w != null) {
      return w.awaitReady(maxWaitMillis);
    }
    if (!permits.tryAcquire()) {
      return true; // every worker is busy: they are warm already
    }
    try {
      w = take();
    } catch (IOException e) {
      permits.release();
      log.warn("{}: cannot start {}: {}", function, spec.command(), e.getMessage());
      return false;
    }
    release(w);
    return w.awaitReady(maxWaitMillis);
  }

  /** How many worker processes are alive (for tests and the log). */
  public int liveWorkers() {
    return (int) all.stream().filter(Worker::alive).count();
  }

  /** The pids of the live workers (for tests). */
  public List<Long> workerPids() {
    return all.stream().filter(Worker::alive).map(Worker::pid).toList();
  }

  @Override
  public String kind() {
    return "command";
  }

  @Override
  public String target() {
    return spec.target();
  }

  /** Stops every worker: stdin closed, a moment to end, then killed. */
  @Override
  public void close() {
    closed = true;
    List<Worker> workers = new ArrayList<>(all);
    List<Thread> stopping = new ArrayList<>();
    for (Worker w : workers) {
      stopping.add(Thread.ofVirtual().start(() -> w.stop(1000)));
    }
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    all.clear();
    idle.clear();
  }
}
