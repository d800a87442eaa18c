package io.stepwise.server.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState's answers where AWS's are recorded (the messages of its refusals, the context object,
 * the stages it reports for a Pass and a Map, stateConfiguration for a Map; a mocked result held
 * to the service's response shape: {@link TestStateShapesAndTraceTest}), through the AWS SDK for
 * Java v2.
 */
class TestStateAwsRulesTest {
  @TempDir Path data;
  private TestStateServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    server = new TestStateServer(data, Engine.builder().region("us-east-1").account("123456789012").build());
    sfn = server.sfn;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestStateResponse test(Consumer<TestStateRequest.Builder> request) {
    return sfn.testState(request);
  }

  private <E extends SfnException> String refused(Class<E> type, Consumer<TestStateRequest.Builder> request) {
    E e = catchThrowableOfType(type, () -> sfn.testState(request));
    assertThat(e).as("the call should fail with " + type.getSimpleName()).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e.awsErrorDetails().errorMessage();
  }

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  private static final String LAMBDA = """
      {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""";

  @Test
  void refusalsAreAwssInItsWords() {
    for (String type : new String[] {"Fail\",\"Error\":\"E", "Succeed"}) {
      String state = "{\"Type\":\"" + type + "\"}";
      assertThat(refused(ValidationException.class, b -> b.definition(state).mock(m -> m.errorOutput(e -> e.error("E")))))
          .isEqualTo("State type '" + (type.startsWith("Fail") ? "Fail" : "Succeed") + "' is not supported when a mock is specified");
    }
    assertThat(refused(ValidationException.class, b -> b.definition(LAMBDA).mock(m -> m.result("{}")).revealSecrets(true)))
        .isEqualTo("TestState does not support RevealSecrets when a mock is specified.");
    assertThat(refused(ValidationException.class, b -> b.definition(LAMBDA)))
        .isEqualTo("RoleArn must be specified when testing a Task state");
    assertThat(test(b -> b.definition(LAMBDA).mock(m -> m.result("{}"))).status()).as("a mocked Task needs no role")
        .isEqualTo(TestExecutionStatus.SUCCEEDED);

    String map = """
        {"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""";
    assertThat(refused(ValidationException.class, b -> b.definition(map).input("[1]").mock(m -> m.result("{}"))))
        .isEqualTo("Mocked result must be an array.");
    String written = """
        {"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}},
         "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
           "States":{"P":{"Type":"Pass","End":true}}},
         "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"r"}},"End":true}""";
    assertThat(refused(ValidationException.class, b -> b.definition(written).mock(m -> m.result("[1]"))))
        .isEqualTo("Mocked result must be a JSON object.");
    String parallel = """
        {"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"End":true}""";
    assertThat(refused(ValidationException.class, b -> b.definition(parallel).mock(m -> m.result("{}"))))
        .isEqualTo("Mocked result must be an array.");
    assertThat(refused(ValidationException.class, b -> b.definition(parallel).mock(m -> m.result("[1]"))))
        .isEqualTo("Mocked result must contain the same number of items as number of Parallel branches.");
    assertThat(refused(InvalidDefinitionException.class, b -> b.definition(map)))
        .isEqualTo("TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
  }

  @Test
  void aGivenContextIsCheckedAsAwsChecksItAndSeenWhole() throws Exception {
    String[][] cases = {
      {"{\"Execution\":{\"Id\":1}}", "Execution.Id must be a string"},
      {"{\"Map\":{}}", "'Map' field is not supported when mocking a Context object"},
      {"{\"Execution\":{\"pokemon\":\"squirtle\"}}", "Field 'pokemon' is not allowed"},
      {"{\"Pokedex\":{}}", "Field 'Pokedex' is not allowed"},
      {"{\"Task\":{\"Token\":\"t\"}}",
          "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"},
    };
    for (String[] c : cases) {
      assertThat(refused(ValidationException.class, b -> b.definition(LAMBDA).mock(m -> m.result("{}")).context(c[0])))
          .isEqualTo("Invalid Context object provided: " + c[1]);
    }
    String callback = """
        {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
         "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token","name.$":"$$.State.Name"}},"End":true}""";
    TestStateResponse r = test(b -> b.definition(callback).mock(m -> m.result("{\"ok\":1}")).inspectionLevel(InspectionLevel.DEBUG)
        .context("{\"State\":{\"Name\":\"Send\"},\"Task\":{\"Token\":\"abc\"}}"));
    assertThat(json(r.inspectionData().afterParameters()).get("MessageBody")).isEqualTo(json("{\"token\":\"abc\",\"name\":\"Send\"}"));

    TestStateResponse made = test(b -> b.definition(callback).mock(m -> m.result("{}")).inspectionLevel(InspectionLevel.DEBUG));
    assertThat(json(made.inspectionData().afterParameters()).at("/MessageBody/token").asText())
        .as("a made-up context gives a callback Task a token").isNotBlank();

    String jsonata = """
        {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
         "Arguments":{"FunctionName":"f","Payload":"{% $states.context %}"},"End":true}""";
    TestStateResponse j = test(b -> b.definition(jsonata).mock(m -> m.result("{}")).inspectionLevel(InspectionLevel.DEBUG)
        .context("{\"Execution\":{\"Name\":\"mine\"}}"));
    assertThat(json(j.inspectionData().afterArguments()).get("Payload")).isEqualTo(json("{\"Execution\":{\"Name\":\"mine\"}}"));

    String pass = """
        {"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.context %}","End":true}""";
    JsonNode own = json(test(b -> b.definition(pass)).output());
    assertThat(own.at("/Execution/RoleArn").isNull()).as("no role given: null, as AWS shows it").isTrue();
    assertThat(own.at("/State/Name").asText()).isEqualTo("StateName");
    assertThat(own.get("State").has("RetryCount")).as("only a Task, Map or Parallel has a RetryCount").isFalse();
    assertThat(own.has("Task")).isFalse();
  }

  @Test
  void anOutputOrVariableOverTheLimitFailsTheState() {
    String big = "x".repeat(150_000);
    String task = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.r","End":true}""";
    TestStateResponse r = test(b -> b.definition(task).input("{\"a\":\"" + big + "\"}")
        .mock(m -> m.result("{\"b\":\"" + big + "\"}")));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(r.cause()).isEqualTo("The state/task 'TestState' returned a result with a size exceeding the maximum number of bytes service limit.");

    String assign = """
        {"Type":"Pass","Assign":{"both.$":"States.Array($.a, $.a)"},"End":true}""";
    TestStateResponse v = test(b -> b.definition(assign).input("{\"a\":\"" + big + "\"}"));
    assertThat(v.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(v.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(v.cause()).isEqualTo("The variable 'both' has a size of 300007 bytes, over the limit of 262144 bytes.");
  }

  @Test
  void aPassFailAndChoiceReportTheStagesAwsReports() {
    TestStateResponse result = test(b -> b.definition("""
        {"Type":"Pass","Result":{"k":1},"ResultPath":"$.r","End":true}""").input("{\"a\":1}").inspectionLevel(InspectionLevel.DEBUG));
    var i = result.inspectionData();
    assertThat(i.afterInputPath()).as("a Pass with a Result shows no input stages").isNull();
    assertThat(i.afterParameters()).isNull();
    assertThat(i.result()).isEqualTo("{\"k\":1}");
    assertThat(i.afterResultSelector()).isEqualTo("{\"k\":1}");
    assertThat(i.afterResultPath()).isEqualTo("{\"a\":1,\"r\":{\"k\":1}}");

    TestStateResponse fail = test(b -> b.definition("{\"Type\":\"Fail\",\"Error\":\"E\"}").input("{\"a\":1}")
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(fail.inspectionData().afterInputPath()).isEqualTo("{\"a\":1}");
    assertThat(fail.inspectionData().input()).isEqualTo("{\"a\":1}");
  }

  private static final String TOLERANT_MAP = """
      {"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":1,
       "ItemProcessor":{"StartAt":"HandleItem","States":{"HandleItem":{"Type":"Pass","End":true}}},
       %s"End":true}""";

  @Test
  void mapIterationFailureCountPastTheToleranceFailsTheMap() {
    String input = "{\"items\":[\"a\",\"b\",\"c\"]}";
    TestStateResponse within = test(b -> b.definition(TOLERANT_MAP.formatted("")).input(input).mock(m -> m.result("[1,1,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(1)).inspectionLevel(InspectionLevel.DEBUG));
    assertThat(within.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(within.inspectionData().afterItemsPath()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(within.inspectionData().afterItemSelector()).as("no ItemSelector: not reported").isNull();
    assertThat(within.inspectionData().maxConcurrency()).as("no MaxConcurrency: 0, as AWS reports it").isZero();
    assertThat(within.inspectionData().toleratedFailureCount()).isEqualTo(1);

    TestStateResponse past = test(b -> b.definition(TOLERANT_MAP.formatted("")).input(input).mock(m -> m.result("[0,0,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(2)));
    assertThat(past.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(past.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(past.cause()).isEqualTo("The specified tolerated failure threshold was exceeded");

    TestStateResponse caught = test(b -> b.definition(TOLERANT_MAP.formatted("""
        "Catch":[{"ErrorEquals":["Other.Error"],"Next":"Other"},{"ErrorEquals":["States.ALL"],"Next":"HandleThreshold"}],"""))
        .input(input).mock(m -> m.result("[0,0,1]")).stateConfiguration(c -> c.mapIterationFailureCount(2))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(caught.nextState()).isEqualTo("HandleThreshold");
    assertThat(caught.inspectionData().errorDetails().catchIndex()).isEqualTo(1);

    String untolerant = TOLERANT_MAP.formatted("").replace("\"ToleratedFailureCount\":1,", "");
    assertThat(test(b -> b.definition(untolerant).input(input).mock(m -> m.result("[0,0,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(2))).status())
        .as("a Map that declares no tolerance is not judged, as AWS answers it").isEqualTo(TestExecutionStatus.SUCCEEDED);

    String percent = TOLERANT_MAP.formatted("").replace("\"ToleratedFailureCount\":1", "\"ToleratedFailurePercentage\":34");
    assertThat(test(b -> b.definition(percent).input(input).mock(m -> m.result("[1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(1))).status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(test(b -> b.definition(percent).input(input).mock(m -> m.result("[1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(2))).status()).isEqualTo(TestExecutionStatus.FAILED);
  }

  @Test
  void aMapsItemsPathIntoTheGivenContextIsReadThereAndNamedAsAwsNamesIt() {
    String context = "{\"Execution\":{\"Input\":{\"values\":[\"charizard\",\"pikachu\"]}}}";
    String map = """
        {"Type":"Map","ItemsPath":"%s","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""";
    TestStateResponse read = test(b -> b.definition(map.formatted("$$.Execution.Input.values")).input("[\"fire\"]").context(context)
        .mock(m -> m.result("[\"A\",\"B\"]")).inspectionLevel(InspectionLevel.TRACE));
    assertThat(read.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(read.inspectionData().afterItemsPath()).isEqualTo("[\"charizard\",\"pikachu\"]");
    assertThat(read.output()).isEqualTo("[\"A\",\"B\"]");

    TestStateResponse notArray = test(b -> b.definition(map.formatted("$$.Execution.Input")).input("[\"fire\"]").context(context)
        .mock(m -> m.result("[]")).inspectionLevel(InspectionLevel.TRACE));
    assertThat(notArray.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(notArray.error()).isEqualTo("States.Runtime");
    assertThat(notArray.cause()).isEqualTo("Reference path \"$.Execution.Input\" must point to array.");
    assertThat(notArray.inspectionData().afterInputPath()).isEqualTo("[\"fire\"]");
    assertThat(notArray.inspectionData().afterItemsPath()).isNull();
    assertThat(test(b -> b.definition(map.formatted("$$")).input("[\"fire\"]").context(context).mock(m -> m.result("[]"))).cause())
        .isEqualTo("Reference path \"$\" must point to array.");
  }

  @Test
  void errorCausedByStateNamesAStateInsideTheMap() {
    String input = "{\"items\":[1]}";
    TestStateResponse r = test(b -> b.definition(TOLERANT_MAP.formatted("")).input(input)
        .mock(m -> m.errorOutput(e -> e.error("MockException").cause("Mock the error cause.")))
        .stateConfiguration(c -> c.errorCausedByState("HandleItem").mapIterationFailureCount(0)));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("MockException");
    assertThat(r.cause()).isEqualTo("Mock the error cause.");
    assertThat(refused(ValidationException.class, b -> b.definition(TOLERANT_MAP.formatted("")).input(input)
        .mock(m -> m.errorOutput(e -> e.error("X"))).stateConfiguration(c -> c.errorCausedByState("Nowhere"))))
        .isEqualTo("errorCausedByState 'Nowhere' is not a state of the Map state under test");
    assertThat(refused(ValidationException.class, b -> b.definition(LAMBDA).mock(m -> m.errorOutput(e -> e.error("X")))
        .stateConfiguration(c -> c.errorCausedByState("HandleItem"))))
        .isEqualTo("errorCausedByState can only be specified when testing a Map or Parallel state");
    assertThat(refused(ValidationException.class, b -> b.definition(LAMBDA).mock(m -> m.result("{}"))
        .stateConfiguration(c -> c.mapIterationFailureCount(1))))
        .isEqualTo("mapIterationFailureCount can only be specified when testing a Map state");
  }

  @Test
  void mapItemReaderDataFeedsADistributedMapsItemsPointerSelectorAndBatcher() {
    String map = """
        {"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
           "ReaderConfig":{"InputType":"JSON","ItemsPointer":"/orders"},"Parameters":{"Bucket":"b","Key":"k"}},
         "ItemSelector":{"id.$":"$$.Map.Item.Value.id","at.$":"$$.Map.Item.Index"},
         "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run":"r1"}},"MaxConcurrency":5,
         "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
           "States":{"P":{"Type":"Pass","End":true}}},"End":true}""";
    TestStateResponse r = test(b -> b.definition(map).mock(m -> m.result("[1,2]")).inspectionLevel(InspectionLevel.DEBUG)
        .stateConfiguration(c -> c.mapItemReaderData("{\"orders\":[{\"id\":\"x\"},{\"id\":\"y\"},{\"id\":\"z\"}]}")));
    var i = r.inspectionData();
    assertThat(i.afterItemsPointer()).isEqualTo("[{\"id\":\"x\"},{\"id\":\"y\"},{\"id\":\"z\"}]");
    assertThat(i.afterItemSelector()).isEqualTo("[{\"at\":0,\"id\":\"x\"},{\"at\":1,\"id\":\"y\"},{\"at\":2,\"id\":\"z\"}]");
    assertThat(i.afterItemBatcher()).isEqualTo("[{\"BatchInput\":{\"run\":\"r1\"},\"Items\":[{\"at\":0,\"id\":\"x\"},{\"at\":1,\"id\":\"y\"}]},"
        + "{\"BatchInput\":{\"run\":\"r1\"},\"Items\":[{\"at\":2,\"id\":\"z\"}]}]");
    assertThat(i.afterItemsPath()).as("an ItemReader's items have no ItemsPath").isNull();
    assertThat(i.maxConcurrency()).isEqualTo(5);
    assertThat(r.output()).isEqualTo("[1,2]");
    assertThat(refused(ValidationException.class, b -> b.definition(TOLERANT_MAP.formatted("")).input("{\"items\":[]}")
        .mock(m -> m.result("[]")).stateConfiguration(c -> c.mapItemReaderData("[]"))))
        .isEqualTo("mapItemReaderData can only be specified when testing a Map state with an ItemReader");
  }

}
