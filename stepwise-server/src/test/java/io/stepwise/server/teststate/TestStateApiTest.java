package io.stepwise.server.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.engine.Engine;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.server.TestServer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState through the AWS SDK for Java v2 ({@link TestStateServer}): each state type, each
 * inspection level, mocks, and the refusals.
 */
class TestStateApiTest {
  private static final String DOUBLE = "arn:aws:lambda:us-east-1:123456789012:function:double";
  private static final String BROKEN = "arn:aws:lambda:us-east-1:123456789012:function:broken";
  private static final String SLOW = "arn:aws:lambda:us-east-1:123456789012:function:slow";

  @TempDir Path data;
  private TestStateServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    Engine engine = Engine.builder().region("us-east-1").account("123456789012")
        .invoker(DOUBLE, req -> io.stepwise.asl.json.Json.NODES.objectNode().put("n", req.input().get("n").asInt() * 2))
        .invoker(BROKEN, req -> {
          throw new TaskFailure("Lambda.ServiceException", "the function is down");
        })
        .invoker(SLOW, req -> {
          Thread.sleep(30_000);
          return io.stepwise.asl.json.Json.NODES.objectNode();
        })
        .build();
    server = new TestStateServer(data, engine);
    sfn = server.sfn;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestStateResponse test(Consumer<TestStateRequest.Builder> request) {
    return sfn.testState(request);
  }

  private static <E extends SfnException> E thrown(Class<E> type, Runnable call) {
    E e = catchThrowableOfType(type, call::run);
    assertThat(e).as("the call should fail with " + type.getSimpleName()).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  private static String message(SfnException e) {
    return e.awsErrorDetails().errorMessage();
  }

  private static final String PASS = """
      {"Type":"Pass","InputPath":"$.order","Parameters":{"id.$":"$.id","qty":2},"ResultPath":"$.line",
       "OutputPath":"$.line","Next":"Ship"}""";

  @Test
  void aPassAtInfoGivesItsOutputAndNextStateOnly() {
    TestStateResponse r = test(b -> b.definition(PASS).input("{\"order\":{\"id\":7}}"));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"qty\":2,\"id\":7}");
    assertThat(r.nextState()).isEqualTo("Ship");
    assertThat(r.inspectionData()).as("INFO is the default: no inspection data").isNull();
    assertThat(r.error()).isNull();
  }

  @Test
  void aPassAtDebugShowsEachStageOfItsDataFlow() {
    TestStateResponse r = test(b -> b.definition(PASS).input("{\"order\":{\"id\":7}}").inspectionLevel(InspectionLevel.DEBUG));
    var i = r.inspectionData();
    assertThat(i.input()).isEqualTo("{\"order\":{\"id\":7}}");
    assertThat(i.afterInputPath()).isEqualTo("{\"id\":7}");
    assertThat(i.afterParameters()).isEqualTo("{\"qty\":2,\"id\":7}");
    assertThat(i.result()).as("a Pass without Result reports no raw result, as AWS's").isNull();
    assertThat(i.afterResultSelector()).as("AWS shows the Parameters' value there").isEqualTo("{\"qty\":2,\"id\":7}");
    assertThat(i.afterResultPath()).isEqualTo("{\"order\":{\"id\":7},\"line\":{\"qty\":2,\"id\":7}}");
    assertThat(i.afterArguments()).as("JSONata only").isNull();
    assertThat(r.output()).isEqualTo("{\"qty\":2,\"id\":7}");

    TestStateResponse trace = test(b -> b.definition(PASS).input("{\"order\":{\"id\":7}}").inspectionLevel(InspectionLevel.TRACE));
    assertThat(trace.inspectionData().afterResultPath()).isEqualTo(i.afterResultPath());
    assertThat(trace.inspectionData().request()).as("no HTTP Task: TRACE adds nothing").isNull();
  }

  @Test
  void aTaskCallsWhatTheEngineHasRegisteredForItsResource() {
    String task = """
        {"Type":"Task","Resource":"%s","Parameters":{"n.$":"$.value"},"ResultSelector":{"doubled.$":"$.n"},
         "ResultPath":"$.out","Assign":{"last.$":"$.doubled"},"End":true}""".formatted(DOUBLE);
    TestStateResponse r = test(b -> b.definition(task).roleArn(TestServer.ROLE).input("{\"value\":21}").variables("{\"seen\":1}")
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"value\":21,\"out\":{\"doubled\":42}}");
    assertThat(r.nextState()).as("End: no next state").isNull();
    var i = r.inspectionData();
    assertThat(i.afterParameters()).isEqualTo("{\"n\":21}");
    assertThat(i.result()).isEqualTo("{\"n\":42}");
    assertThat(i.afterResultSelector()).isEqualTo("{\"doubled\":42}");
    assertThat(i.afterResultPath()).isEqualTo("{\"value\":21,\"out\":{\"doubled\":42}}");
    assertThat(i.variables()).as("the variables given and those assigned").isEqualTo("{\"seen\":1,\"last\":42}");
  }

  @Test
  void aTaskWithNothingRegisteredOrAFailingCallFails() {
    TestStateResponse none = test(b -> b.roleArn(TestServer.ROLE).definition("""
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:nobody","End":true}"""));
    assertThat(none.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(none.error()).isEqualTo("States.TaskFailed");
    assertThat(none.cause()).isEqualTo(
        "No handler is registered for the resource 'arn:aws:lambda:us-east-1:123456789012:function:nobody'");
    assertThat(none.output()).isNull();

    TestStateResponse broken = test(b -> b.roleArn(TestServer.ROLE).definition("""
        {"Type":"Task","Resource":"%s","Catch":[{"ErrorEquals":["Lambda.ServiceException"],"Next":"Alarm"}],"End":true}"""
        .formatted(BROKEN)));
    assertThat(broken.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(broken.nextState()).isEqualTo("Alarm");
    assertThat(broken.output()).isEqualTo("{\"Error\":\"Lambda.ServiceException\",\"Cause\":\"the function is down\"}");
  }

  @Test
  void aCallPastItsTimeoutSecondsTimesOut() {
    long began = System.nanoTime();
    TestStateResponse r = test(b -> b.roleArn(TestServer.ROLE).definition("""
        {"Type":"Task","Resource":"%s","TimeoutSeconds":1,"End":true}""".formatted(SLOW)));
    assertThat(System.nanoTime() - began).isLessThan(20_000_000_000L);
    assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Timeout");
  }

  private static final String RETRIED = """
      {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
       "Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":5},
                {"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3}],
       "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"Recover"}],"Next":"Done"}""";

  @Test
  void aMockedResultReplacesTheCall() {
    TestStateResponse r = test(b -> b.definition(RETRIED).input("{\"a\":1}").mock(m -> m.result("{\"Payload\":{\"ok\":true}}"))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"Payload\":{\"ok\":true}}");
    assertThat(r.nextState()).isEqualTo("Done");
    assertThat(r.inspectionData().afterParameters()).isEqualTo("{\"FunctionName\":\"f\"}");
    assertThat(r.inspectionData().result()).isEqualTo("{\"Payload\":{\"ok\":true}}");
  }

  @Test
  void aMockedErrorThatARetrierMatchesIsRetriableWithItsBackoff() {
    TestStateResponse r = test(b -> b.definition(RETRIED).mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException")
        .cause("slow down"))).inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(r.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(r.cause()).isEqualTo("slow down");
    assertThat(r.output()).isNull();
    assertThat(r.nextState()).isNull();
    assertThat(r.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
    assertThat(r.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(2);
    assertThat(r.inspectionData().errorDetails().catchIndex()).isNull();

    TestStateResponse second = test(b -> b.definition(RETRIED).mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException")))
        .stateConfiguration(c -> c.retrierRetryCount(2)).inspectionLevel(InspectionLevel.DEBUG));
    assertThat(second.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(second.inspectionData().errorDetails().retryBackoffIntervalSeconds()).as("2 * 3^2").isEqualTo(18);
  }

  @Test
  void aMockedErrorPastItsRetriesOrWithoutARetrierIsCaught() {
    TestStateResponse r = test(b -> b.definition(RETRIED).input("{\"a\":1}")
        .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down")))
        .stateConfiguration(c -> c.retrierRetryCount(3)).inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(r.nextState()).isEqualTo("Recover");
    assertThat(r.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(r.output()).isEqualTo("{\"a\":1,\"failure\":{\"Error\":\"Lambda.TooManyRequestsException\",\"Cause\":\"slow down\"}}");
    assertThat(r.inspectionData().errorDetails().catchIndex()).isEqualTo(0);
    assertThat(r.inspectionData().errorDetails().retryIndex()).isNull();

    TestStateResponse uncaught = test(b -> b.definition("""
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}""")
        .mock(m -> m.errorOutput(e -> e.error("Boom").cause("it broke"))));
    assertThat(uncaught.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(uncaught.error()).isEqualTo("Boom");
    assertThat(uncaught.cause()).isEqualTo("it broke");
  }

  @Test
  void aChoiceGivesTheNextStateOfTheRuleThatMatched() {
    String choice = """
        {"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"},
          {"Variable":"$.n","NumericLessThan":0,"Next":"Negative"}],"Default":"Small"}""";
    assertThat(test(b -> b.definition(choice).input("{\"n\":11}")).nextState()).isEqualTo("Big");
    assertThat(test(b -> b.definition(choice).input("{\"n\":-1}")).nextState()).isEqualTo("Negative");
    TestStateResponse dflt = test(b -> b.definition(choice).input("{\"n\":5}"));
    assertThat(dflt.nextState()).isEqualTo("Small");
    assertThat(dflt.output()).isEqualTo("{\"n\":5}");
    assertThat(dflt.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);

    TestStateResponse none = test(b -> b.definition("""
        {"Type":"Choice","Choices":[{"Variable":"$.n","IsPresent":true,"Next":"Has"}]}""").input("{}"));
    assertThat(none.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(none.error()).isEqualTo("States.NoChoiceMatched");
    assertThat(none.nextState()).isNull();
  }

  @Test
  void aWaitReturnsAtOnce() {
    long began = System.nanoTime();
    TestStateResponse r = test(b -> b.definition("""
        {"Type":"Wait","Seconds":3600,"Next":"Later"}""").input("{\"x\":1}").inspectionLevel(InspectionLevel.DEBUG));
    assertThat(System.nanoTime() - began).as("an hour's Wait is not waited for").isLessThan(10_000_000_000L);
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.nextState()).isEqualTo("Later");
    assertThat(r.output()).isEqualTo("{\"x\":1}");
    assertThat(r.inspectionData().afterInputPath()).isEqualTo("{\"x\":1}");

    TestStateResponse bad = test(b -> b.definition("""
        {"Type":"Wait","SecondsPath":"$.delay","Next":"Later"}""").input("{}"));
    assertThat(bad.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(bad.error()).isEqualTo("States.Runtime");
    assertThat(bad.cause()).isEqualTo("The SecondsPath parameter does not reference an input value: $.delay");
  }

  @Test
  void succeedAndFailEndWithTheirOutputOrError() {
    TestStateResponse ok = test(b -> b.definition("""
        {"Type":"Succeed","OutputPath":"$.keep"}""").input("{\"keep\":[1,2],\"drop\":true}"));
    assertThat(ok.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(ok.output()).isEqualTo("[1,2]");
    assertThat(ok.nextState()).isNull();

    TestStateResponse failed = test(b -> b.definition("""
        {"Type":"Fail","Error":"Order.Rejected","CausePath":"$.why"}""").input("{\"why\":\"out of stock\"}"));
    assertThat(failed.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Order.Rejected");
    assertThat(failed.cause()).isEqualTo("out of stock");
    assertThat(failed.output()).isNull();
  }

  @Test
  void aJsonataTaskShowsItsArgumentsAndAssignsVariables() {
    String task = """
        {"Type":"Task","QueryLanguage":"JSONata","Resource":"%s","Arguments":{"n":"{%% $states.input.value + $base %%}"},
         "Assign":{"got":"{%% $states.result.n %%}"},"Output":{"total":"{%% $states.result.n %%}"},"Next":"After"}"""
        .formatted(DOUBLE);
    TestStateResponse r = test(b -> b.definition(task).roleArn(TestServer.ROLE).input("{\"value\":4}").variables("{\"base\":1}")
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"total\":10}");
    assertThat(r.nextState()).isEqualTo("After");
    var i = r.inspectionData();
    assertThat(i.afterArguments()).isEqualTo("{\"n\":5}");
    assertThat(i.result()).isEqualTo("{\"n\":10}");
    assertThat(i.afterInputPath()).as("JSONPath only").isNull();
    assertThat(i.afterParameters()).as("JSONPath only").isNull();
    assertThat(i.variables()).isEqualTo("{\"base\":1,\"got\":10}");
  }

  @Test
  void aStateOfAWholeStateMachineIsTestedByName() {
    String machine = """
        {"StartAt":"First","States":{
          "First":{"Type":"Pass","Result":{"step":1},"Next":"Second"},
          "Second":{"Type":"Pass","Parameters":{"seen.$":"$.step"},"Next":"Third"},
          "Third":{"Type":"Succeed"}}}""";
    TestStateResponse r = test(b -> b.definition(machine).stateName("Second").input("{\"step\":1}"));
    assertThat(r.output()).isEqualTo("{\"seen\":1}");
    assertThat(r.nextState()).isEqualTo("Third");

    ValidationException missing = thrown(ValidationException.class, () -> test(b -> b.definition(machine).stateName("Fourth")));
    assertThat(message(missing)).as("AWS's words").isEqualTo("State not found in definition");
  }

  @Test
  void parallelAndMapRunOnAMockOnly() {
    String parallel = """
        {"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],
         "ResultSelector":{"first.$":"$[0]"},"Next":"Join"}""";
    TestStateResponse r = test(b -> b.definition(parallel).mock(m -> m.result("[{\"a\":1}]"))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"first\":{\"a\":1}}");
    assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"first\":{\"a\":1}}");
    InvalidDefinitionException unmocked = thrown(InvalidDefinitionException.class, () -> test(b -> b.definition(parallel)));
    assertThat(message(unmocked)).isEqualTo("TestState API does not support Map or Parallel states. "
        + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");

    String map = """
        {"Type":"Map","ItemsPath":"$.items","ItemSelector":{"value.$":"$$.Map.Item.Value","at.$":"$$.Map.Item.Index"},
         "MaxConcurrency":2,"ToleratedFailurePercentage":10,
         "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
         "ResultPath":"$.results","End":true}""";
    TestStateResponse mapped = test(b -> b.definition(map).input("{\"items\":[\"a\",\"b\"]}").mock(m -> m.result("[1,2]"))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(mapped.output()).isEqualTo("{\"items\":[\"a\",\"b\"],\"results\":[1,2]}");
    var mi = mapped.inspectionData();
    assertThat(mi.afterItemsPath()).isEqualTo("[\"a\",\"b\"]");
    assertThat(mi.afterItemSelector()).isEqualTo("[{\"at\":0,\"value\":\"a\"},{\"at\":1,\"value\":\"b\"}]");
    assertThat(mi.maxConcurrency()).isEqualTo(2);
    assertThat(mi.toleratedFailurePercentage()).isEqualTo(10f);
    assertThat(mi.toleratedFailureCount()).isNull();
    assertThat(mi.afterParameters()).as("a Map has no Parameters").isNull();
    assertThat(mi.result()).as("AWS reports no raw result for a Map").isNull();
    assertThat(message(thrown(InvalidDefinitionException.class, () -> test(b -> b.definition(map)))))
        .startsWith("TestState API does not support Map or Parallel states.");
  }

  @Test
  void activitiesAndCallbacksRunOnAMockOnly() {
    String activity = """
        {"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:pack","End":true}""";
    assertThat(message(thrown(ValidationException.class, () -> test(b -> b.definition(activity).roleArn(TestServer.ROLE)))))
        .isEqualTo("TestState supports Activity tasks only with a mock");
    assertThat(test(b -> b.definition(activity).mock(m -> m.result("{\"packed\":true}"))).output()).isEqualTo("{\"packed\":true}");

    String callback = """
        {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
         "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}""";
    assertThat(message(thrown(ValidationException.class, () -> test(b -> b.definition(callback).roleArn(TestServer.ROLE)))))
        .isEqualTo("TestState supports the .sync and .waitForTaskToken integration patterns only with a mock");
  }

  @Test
  void theContextObjectIsTheTestsOwnOrTheOneGivenWhole() throws Exception {
    String task = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"context.$":"$$"},"End":true}""";
    TestStateResponse made = test(b -> b.definition(task).mock(m -> m.result("{}")).inspectionLevel(InspectionLevel.DEBUG)
        .roleArn(TestServer.ROLE).stateConfiguration(c -> c.retrierRetryCount(1)));
    var context = io.stepwise.asl.json.Json.parse(made.inspectionData().afterParameters()).get("context");
    assertThat(context.at("/Execution/Id").asText()).as("an Express execution, as AWS makes it up")
        .startsWith("arn:aws:states:us-east-1:123456789012:express:");
    assertThat(context.at("/Execution/RoleArn").asText()).isEqualTo(TestServer.ROLE);
    assertThat(context.at("/State/Name").asText()).as("AWS's TestState calls every state so").isEqualTo("StateName");
    assertThat(context.at("/State/RetryCount").asInt()).isEqualTo(1);
    assertThat(context.has("Task")).isFalse();

    TestStateResponse given = test(b -> b.definition(task).mock(m -> m.result("{}"))
        .context("{\"Execution\":{\"Name\":\"given\"}}").inspectionLevel(InspectionLevel.DEBUG));
    assertThat(given.inspectionData().afterParameters()).as("the context given is the whole context")
        .isEqualTo("{\"context\":{\"Execution\":{\"Name\":\"given\"}}}");

    ValidationException noMock = thrown(ValidationException.class, () -> test(b -> b.definition(task).context("{}")));
    assertThat(message(noMock)).isEqualTo("A context can only be specified together with a mock");
  }

  @Test
  void aBrokenDefinitionIsInvalidDefinitionWithTheValidatorsWords() {
    InvalidDefinitionException e = thrown(InvalidDefinitionException.class, () -> test(b -> b.definition("""
        {"Type":"Pass","Colour":"red","End":true}""")));
    assertThat(message(e)).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: unknown field \"Colour\" at /'");

    InvalidDefinitionException json = thrown(InvalidDefinitionException.class, () -> test(b -> b.definition("{\"Type\":")));
    assertThat(message(json)).startsWith("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION:");

    InvalidDefinitionException machine = thrown(InvalidDefinitionException.class, () -> test(b -> b.definition("""
        {"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""").stateName("A")));
    assertThat(message(machine)).startsWith("Invalid State Machine Definition: '");
  }

  @Test
  void badInputRoleOrValuesAreRefusedWithAwsErrors() {
    InvalidExecutionInputException input = thrown(InvalidExecutionInputException.class,
        () -> test(b -> b.definition(PASS).input("{not json")));
    assertThat(message(input)).startsWith("Invalid State Machine Execution Input: '");
    thrown(InvalidExecutionInputException.class, () -> test(b -> b.definition(PASS).variables("[1]")));

    InvalidArnException role = thrown(InvalidArnException.class, () -> test(b -> b.definition(PASS).roleArn("not-a-role")));
    assertThat(message(role)).isEqualTo("Invalid Role Arn: 'not-a-role'");
    assertThat(test(b -> b.definition(PASS).roleArn(TestServer.ROLE).input("{\"order\":{\"id\":1}}")).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);

    ValidationException level = thrown(ValidationException.class, () -> test(b -> b.definition(PASS).inspectionLevel("LOUD")));
    assertThat(message(level)).isEqualTo("1 validation error detected: Value 'LOUD' at 'inspectionLevel' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
    ValidationException count = thrown(ValidationException.class,
        () -> test(b -> b.definition(RETRIED).mock(m -> m.result("{}")).stateConfiguration(c -> c.retrierRetryCount(-1))));
    assertThat(message(count)).contains("'stateConfiguration.retrierRetryCount'").contains("greater than or equal to 0");

    ValidationException passMock = thrown(ValidationException.class, () -> test(b -> b.definition(PASS).mock(m -> m.result("{}"))));
    assertThat(message(passMock)).isEqualTo("State type 'Pass' is not supported when a mock is specified");
    assertThat(message(thrown(ValidationException.class, () -> test(b -> b.definition(RETRIED)
        .mock(m -> m.result("{}").errorOutput(e -> e.error("X")))))))
        .isEqualTo("A test mock should have only one of the following fields: [result, errorOutput].");
    thrown(ValidationException.class, () -> test(b -> b.definition(RETRIED).mock(m -> m.errorOutput(e -> e.cause("no error")))));
    assertThat(message(thrown(ValidationException.class, () -> test(b -> b.definition(RETRIED).mock(m -> m.result("{oops"))))))
        .isEqualTo("Mocked result must be valid JSON");
    thrown(ValidationException.class, () -> test(b -> b.definition("")));
  }
}
