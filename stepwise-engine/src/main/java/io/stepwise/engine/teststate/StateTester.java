package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ChoiceRule;
import io.stepwise.asl.model.ChoiceState;
import io.stepwise.asl.model.FailState;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.PassState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateCommon;
import io.stepwise.asl.model.SucceedState;
import io.stepwise.asl.model.TaskState;
import io.stepwise.asl.model.WaitState;
import io.stepwise.engine.Engine;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.engine.teststate.TestExit.Way;
import io.stepwise.asl.model.TimeLimit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one state once, as TestState does: its input processing, its body, its way out, with what
 * each stage produced. A Task's resource is called through the engine's registered invokers and
 * handlers ({@link Engine#invoke}) unless the test mocks it; a Wait does not wait; a Parallel or
 * Map runs only on a mock (its result or error), as AWS's TestState requires.
 */
public final class StateTester {
  /** AWS runs a TestState for up to five minutes. */
  static final long MAX_SECONDS = 300;

  private final Engine engine;

  public StateTester(Engine engine) {
    this.engine = engine;
  }

  /**
   * Tests the state.
   *
   * @throws StateTestRefusedException when the state cannot be tested as asked
   */
  public StateTestResult test(StateTest t) {
    return test(t, engine::invoke);
  }

  /**
   * Tests the state, a Task's call made by {@code call} rather than by the engine's registered
   * handlers (TestState's TRACE records an HTTP Task's request and response this way).
   */
  public StateTestResult test(StateTest t, TaskCall call) {
    MockChecks.check(t);
    ObjectNode context = t.context() != null
        ? (ObjectNode) t.context().deepCopy()
        : ContextObjects.madeUp(t, engine.config().region(), engine.config().account(), engine.config().clock().millis());
    TestRun r = new TestRun(t.state(), t.input(), t.variables(), context, engine.config().clock(), t.retrierRetryCount(), t.map());
    try {
      return switch (t.state()) {
        case PassState p -> pass(r, p);
        case TaskState task -> task(r, task, t.mock(), call);
        case ChoiceState c -> choice(r, c);
        case WaitState w -> waitState(r, w);
        case SucceedState s -> succeed(r, s);
        case FailState f -> fail(r, f);
        case ParallelState p -> fanOut(r, p.parameters(), t.mock());
        case MapState m -> fanOut(r, null, t.mock());
      };
    } catch (StatesException e) {
      return TestExit.fail(r, e.error(), e.cause());
    }
  }

  /** A Task whose resource waits for a callback or a child's end: .sync, .sync:2, .waitForTaskToken. */
  static boolean callback(TaskState task) {
    String res = task.resourceArn().resource();
    return res.endsWith(".sync") || res.contains(".sync:") || res.endsWith(".waitForTaskToken");
  }

  /**
   * A Pass, with the stages AWS reports for it: with a Result, the Result (as result and after
   * ResultSelector) and no input stages; without, InputPath and Parameters, whose value stands
   * for the ResultSelector stage and no raw result.
   */
  private static StateTestResult pass(TestRun r, PassState p) {
    StateCommon c = p.common();
    JsonNode value;
    if (r.jsonata()) {
      value = r.input; // a JSONata Pass has no InputPath, Parameters or Result
    } else if (p.result() != null) {
      value = p.result();
      r.result = value;
      r.afterResultSelector = value;
    } else {
      r.afterInputPath = TestExit.select(c.inputPath(), r.input, r);
      r.afterParameters = p.parameters() == null ? r.afterInputPath : p.parameters().evaluate(r.scope(r.afterInputPath));
      value = r.afterParameters;
      r.afterResultSelector = value;
    }
    return TestExit.leave(r, Way.PASS, value, c.assign(), c.output(), p.resultPath(), p.next());
  }

  private StateTestResult task(TestRun r, TaskState t, Mock mock, TaskCall how) {
    JsonNode params = parameters(r, t.parameters());
    if (mock == null) {
      mock = call(r, t, params, how);
    }
    return mocked(r, t, mock);
  }

  /** The effective input of a Task or Parallel: InputPath and Parameters, or JSONata's Arguments. */
  private static JsonNode parameters(TestRun r, io.stepwise.asl.model.Expression parameters) {
    if (r.jsonata()) {
      JsonNode args = parameters == null ? r.input : parameters.evaluate(r.scope(r.input));
      r.afterArguments = args;
      return args;
    }
    r.afterInputPath = TestExit.select(r.state.common().inputPath(), r.input, r);
    r.afterParameters = parameters == null ? r.afterInputPath : parameters.evaluate(r.scope(r.afterInputPath));
    return r.afterParameters;
  }

  /** A Parallel or Map: its input processing, then the mock in place of its branches or iterations. */
  private static StateTestResult fanOut(TestRun r, io.stepwise.asl.model.Expression parameters, Mock mock) {
    parameters(r, parameters);
    if (r.state instanceof MapState m) {
      // a Map has ItemsPath and ItemSelector, not Parameters or Arguments
      r.afterParameters = null;
      r.afterArguments = null;
      r.map = MapDetailsReader.read(r, m, r.jsonata() ? r.input : r.afterInputPath);
      if (mock instanceof Mock.Result && MapDetailsReader.exceedsTolerance(r.map, r.settings.iterationFailureCount())) {
        return TestExit.fail(r, StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded");
      }
    }
    return mocked(r, r.state, mock);
  }

  private static StateTestResult mocked(TestRun r, State s, Mock mock) {
    return switch (mock) {
      case Mock.Failure f -> TestExit.fail(r, f.error(), f.cause());
      case Mock.Result res -> {
        if (!(s instanceof MapState)) {
          r.result = res.value(); // AWS reports no raw result for a Map
        }
        StateCommon c = s.common();
        yield TestExit.leave(r, Way.RESULT, res.value(), c.assign(), c.output(), resultPath(s), next(s));
      }
    };
  }

  /**
   * The call itself, through whatever the engine has registered for the resource; its outcome as
   * a mock would give it. It may take the Task's TimeoutSeconds, and never more than the five
   * minutes AWS gives a TestState: then it is States.Timeout.
   */
  private static Mock call(TestRun r, TaskState t, JsonNode params, TaskCall how) {
    TaskRequest request = new TaskRequest(t.resource(), params, t.name(), executionArn(r.context), r.context, null);
    long limit = Math.min(MAX_SECONDS, timeoutSeconds(t, r.scope(r.jsonata() ? r.input : r.afterInputPath)));
    CompletableFuture<StepInput> call = new CompletableFuture<>();
    Thread thread = Thread.ofVirtual().name("teststate-" + t.name()).start(() -> {
      try {
        call.complete(how.call(new Command.ScheduleTask(0, t.resourceArn(), request)));
      } catch (RuntimeException e) {
        call.completeExceptionally(e);
      }
    });
    StepInput outcome;
    try {
      outcome = call.get(limit, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return new Mock.Failure(StatesErrors.TIMEOUT, null);
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      return new Mock.Failure(StatesErrors.TASK_FAILED, "The task was interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the engine's invocation failed", e.getCause());
    }
    return switch (outcome) {
      case StepInput.TaskSucceeded s -> new Mock.Result(s.output());
      case StepInput.TaskSubmitted s -> new Mock.Result(s.output()); // not reached: callbacks run only on a mock
      case StepInput.TaskFailed f -> new Mock.Failure(f.error(), f.cause());
      default -> throw new IllegalStateException("a task ends in success or failure, not " + outcome);
    };
  }

  /** TimeoutSeconds(Path): a path or expression is read over the effective input, as an execution reads it, and fails as it would. */
  private static long timeoutSeconds(TaskState t, TestScope scope) {
    Long seconds = io.stepwise.engine.run.RuntimeValues.timeLimit(t.timeout(), scope);
    return seconds == null ? MAX_SECONDS : seconds;
  }

  private static StateTestResult choice(TestRun r, ChoiceState c) {
    StateCommon common = c.common();
    JsonNode in = r.jsonata() ? r.input : TestExit.select(common.inputPath(), r.input, r);
    if (!r.jsonata()) {
      r.afterInputPath = in;
    }
    TestScope scope = r.scope(in);
    for (ChoiceRule rule : c.choices()) {
      if (rule.condition().test(scope)) {
        // a matched rule's Assign and Output apply; the state's own only when Default is taken
        return TestExit.leave(r, Way.INPUT, in, rule.assign(), rule.output(), null, rule.next());
      }
    }
    if (c.defaultNext() == null) {
      throw new StatesException(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
    }
    return TestExit.leave(r, Way.INPUT, in, common.assign(), common.output(), null, c.defaultNext());
  }

  /** A Wait is not waited for; a duration it cannot read fails it as in an execution. */
  private static StateTestResult waitState(TestRun r, WaitState w) {
    JsonNode in = r.jsonata() ? r.input : TestExit.select(w.common().inputPath(), r.input, r);
    if (!r.jsonata()) {
      r.afterInputPath = in;
    }
    // the duration is read only to fail as an execution would (the same texts); the tester does not wait
    io.stepwise.engine.run.RuntimeValues.waitDue(w, r.scope(in), r.clock.millis());
    return TestExit.leave(r, Way.INPUT, in, w.common().assign(), w.common().output(), null, w.next());
  }

  private static StateTestResult succeed(TestRun r, SucceedState s) {
    JsonNode in = r.jsonata() ? r.input : TestExit.select(s.common().inputPath(), r.input, r);
    if (!r.jsonata()) {
      r.afterInputPath = in;
    }
    return TestExit.leave(r, Way.INPUT, in, null, s.common().output(), null, null);
  }

  private static StateTestResult fail(TestRun r, FailState s) {
    if (!r.jsonata()) {
      r.afterInputPath = r.input; // a Fail has no InputPath; AWS shows its input there
    }
    String error = s.error();
    String cause = s.cause();
    if (s.errorValue() != null) {
      error = text(s.errorValue().evaluate(r.scope(r.input)), "ErrorPath");
    }
    if (s.causeValue() != null) {
      cause = text(s.causeValue().evaluate(r.scope(r.input)), "CausePath");
    }
    return r.failed(error, cause);
  }

  private static String text(JsonNode v, String field) {
    if (v == null || !v.isTextual()) {
      throw new StatesException(
          StatesErrors.RUNTIME, "The " + field + " field must resolve to a string, but got: " + (v == null ? "null" : v.toString()));
    }
    return v.textValue();
  }

  private static io.stepwise.asl.model.ResultTarget resultPath(State s) {
    return switch (s) {
      case TaskState t -> t.result().resultPath();
      case ParallelState p -> p.result().resultPath();
      case MapState m -> m.result().resultPath();
      default -> null;
    };
  }

  private static String next(State s) {
    return switch (s) {
      case TaskState t -> t.next();
      case ParallelState p -> p.next();
      case MapState m -> m.next();
      default -> null;
    };
  }

  private static String executionArn(JsonNode context) {
    JsonNode id = context.path("Execution").path("Id");
    return id.isTextual() ? id.textValue() : null;
  }
}
