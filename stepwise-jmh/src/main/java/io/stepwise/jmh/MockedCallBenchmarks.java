package io.stepwise.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A mocked Task call beside a direct one: the same one-Task execution (with its history) answered
 * by an exact-ARN invoker, by a handler, and by a mock of the execution's test case (the call
 * numbered by the engine, the answer looked up and copied by {@code Invocations}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class MockedCallBenchmarks {
  private static final String RESOURCE = "arn:aws:states:::aws-sdk:shop:price";
  private static final String HANDLED = "arn:aws:states:::aws-sdk:shop:quote";
  private StateMachine invoked;
  private StateMachine handled;
  private Engine engine;
  private final JsonNode input = Json.NODES.objectNode().put("order", 7);
  private final RunOptions direct = RunOptions.defaults().withNames("Shop", "x");
  private final RunOptions mocked = direct.withTestCase("Mocked");
  /** The Price task as the first step schedules it, with and without the test case. */
  private Command.ScheduleTask directTask;
  private Command.ScheduleTask mockedTask;

  @Setup(Level.Trial)
  public void setUp() {
    String task = """
        {"StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"%s","Parameters":{"order.$":"$.order"},"End":true}}}""";
    invoked = StateMachineParser.parse(task.formatted(RESOURCE));
    handled = StateMachineParser.parse(task.formatted(HANDLED));
    JsonNode answer = Json.NODES.objectNode().put("price", 42).put("currency", "EUR");
    engine = Engine.builder()
        .mocks(MockConfigParser.parse("""
            {"StateMachines":{"Shop":{"TestCases":{"Mocked":{"Price":"Priced"}}}},
             "MockedResponses":{"Priced":{"0":{"Return":{"price":42,"currency":"EUR"}}}}}"""))
        .invoker(RESOURCE, r -> answer)
        .handler(new TaskHandler() {
          @Override
          public boolean handles(ResourceArn resource, TaskRequest request) {
            return request.resource().equals(HANDLED);
          }

          @Override
          public JsonNode invoke(ResourceArn resource, TaskRequest request) {
            return answer;
          }
        })
        .build();
    directTask = scheduled(direct);
    mockedTask = scheduled(mocked);
    if (!mockedTask.isMocked() || directTask.isMocked()) {
      throw new IllegalStateException("the benchmark's tasks are not what they say");
    }
  }

  private Command.ScheduleTask scheduled(RunOptions options) {
    Step first = engine.stepper(invoked, input, options).step(new StepInput.Start());
    return first.commands().stream().filter(c -> c instanceof Command.ScheduleTask).map(c -> (Command.ScheduleTask) c)
        .findFirst().orElseThrow();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public ExecutionResult directInvoker() {
    return engine.run(invoked, input, direct);
  }

  @Benchmark
  public ExecutionResult directHandler() {
    return engine.run(handled, input, direct);
  }

  @Benchmark
  public ExecutionResult mocked() {
    return engine.run(invoked, input, mocked);
  }

  /** The call alone, on the caller's thread, as the durable runtime makes it: the invoker's answer... */
  @Benchmark
  public StepInput invokeDirect() {
    return engine.invoke(directTask);
  }

  /** ...and the mock's (the response looked up, the call's range found, the answer copied). */
  @Benchmark
  public StepInput invokeMocked() {
    return engine.invoke(mockedTask);
  }
}
