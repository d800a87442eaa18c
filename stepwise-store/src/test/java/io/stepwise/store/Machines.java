package io.stepwise.store;

import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import java.time.Instant;
import java.time.InstantSource;

/** The state machines the contract tests run, and an engine whose clock the tests move. */
public final class Machines {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "111111111111";
  public static final String ROLE = "arn:aws:iam::111111111111:role/stepwise";
  public static final String ACTIVITY = "arn:aws:states:us-east-1:111111111111:activity:pack";
  public static final String OTHER_ACTIVITY = "arn:aws:states:us-east-1:111111111111:activity:ship";

  /** Three Pass states: the whole execution is its first step. */
  public static final String PASS = """
      {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"v":1.50},"ResultPath":"$.a","Next":"B"},
        "B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}""";

  /** A task with a timeout: a task row and a TASK_TIMEOUT timer. */
  public static final String TASK = """
      {"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:charge",
        "Parameters":{"amount.$":"$.amount"},"TimeoutSeconds":60,"End":true}}}""";

  /** A Wait of {@code $.seconds}: one WAIT timer. */
  public static final String WAIT = """
      {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.seconds","End":true}}}""";

  /** A callback task with a heartbeat: a task row, a token row, a heartbeat and a timeout timer. */
  public static final String CALLBACK = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"token.$":"$$.Task.Token"},"HeartbeatSeconds":30,"TimeoutSeconds":600,"End":true}}}""";

  /** An activity task of {@code $.activity}... fixed per machine: see {@link #activity}. */
  public static String activity(String activityArn) {
    return """
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","Parameters":{"order.$":"$.order"},
          "TimeoutSeconds":300,"End":true}}}""".formatted(activityArn);
  }

  /** Two tasks in parallel, each with a timeout: two task rows, two timers. */
  public static final String PARALLEL = """
      {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:left","TimeoutSeconds":60,"End":true}}},
        {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:right","TimeoutSeconds":90,"End":true}}}]}}}""";

  /** A Distributed Map over the input array: each item a child execution. */
  public static final String DISTRIBUTED = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Items","MaxConcurrency":2,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";

  /** A Distributed Map whose children wait a minute: they are running when the parent is stepped on. */
  public static final String DISTRIBUTED_WAITING = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":2,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}},"End":true}}}""";

  /** An inline Map over the input array: one step of four events per item and a few more. */
  public static final String INLINE_MAP = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
        "End":true}}}""";

  /** A clock the tests move. */
  public static final class Clock implements InstantSource {
    public long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  public final Clock clock = new Clock();
  /** Mocks for the test case "Happy" of the state machine "Orders": its Charge and Work states answered by mocks. */
  public static final String MOCKS = """
      {"StateMachines":{"Orders":{"TestCases":{"Happy":{"Charge":"Charged","Work":"Worked"}}}},
       "MockedResponses":{"Charged":{"0":{"Return":{"charged":true}}},"Worked":{"0":{"Return":"done"}}}}""";
  public final Engine engine = Engine.builder().clock(clock).region(REGION).account(ACCOUNT)
      .mocks(io.stepwise.engine.mock.MockConfigParser.parse(MOCKS)).build();

  public static StateMachine parse(String json) {
    return StateMachineParser.parse(json);
  }

  /** An execution of {@code definition} named {@code name} of the state machine {@code machineName}. */
  public Driven driven(String machineName, String definition, String name, String inputJson) {
    return driven(machineName, definition, name, inputJson, ExecutionType.STANDARD);
  }

  public Driven driven(String machineName, String definition, String name, String inputJson, ExecutionType type) {
    RunOptions options = new RunOptions(machineName, name, ROLE, type);
    var input = Engine.parseInput(inputJson);
    return new Driven(engine.stepper(parse(definition), input, options), input, ROLE);
  }

  /** As {@link #driven(String, String, String, String)}, started with a test case of {@link #MOCKS}. */
  public Driven drivenWithTestCase(String machineName, String definition, String name, String inputJson, String testCase) {
    RunOptions options = new RunOptions(machineName, name, ROLE, ExecutionType.STANDARD).withTestCase(testCase);
    var input = Engine.parseInput(inputJson);
    return new Driven(engine.stepper(parse(definition), input, options), input, ROLE);
  }

  public static String machineArn(String name) {
    return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
  }
}
