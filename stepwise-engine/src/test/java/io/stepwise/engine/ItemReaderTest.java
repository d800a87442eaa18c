package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's ItemReader is a call to its resource through the task invokers, and what
 * it returns is parsed per ReaderConfig into the items the children run with.
 */
class ItemReaderTest {
  static final String GET = "arn:aws:states:::s3:getObject";
  static final String LIST = "arn:aws:states:::s3:listObjectsV2";

  /** A Map over the reader's items whose children return what they got. */
  static String machine(String reader, String extra) {
    return """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
          "ItemReader":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""".formatted(extra, reader);
  }

  static String getObject(String config) {
    return """
        {"Resource":"%s","ReaderConfig":%s,"Parameters":{"Bucket":"data","Key.$":"$.key"}}""".formatted(GET, config);
  }

  private final List<TaskRequest> calls = new CopyOnWriteArrayList<>();

  private ExecutionResult run(String definition, String input, String resource, JsonNode... responses) {
    List<JsonNode> queue = new ArrayList<>(List.of(responses));
    try (Engine engine = Fixtures.engine().invoker(resource, r -> {
      calls.add(r);
      return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    }).build()) {
      return engine.run(Fixtures.machine(definition), input, Fixtures.options());
    }
  }

  private ExecutionResult csvWithHeaderRow(String body) {
    return run(machine(getObject("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"}"), ""), "{\"key\":\"k\"}", GET, text(body));
  }

  private static JsonNode text(String body) {
    return Json.NODES.textNode(body);
  }

  @Test
  void aJsonObjectIsReadWithGetObjectAndEachElementIsAnItem() throws Exception {
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"JSON\"}"), ""), "{\"key\":\"in/items.json\"}", GET,
        text("[{\"a\":1},{\"a\":2}]"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("[{\"a\":1},{\"a\":2}]"));
    assertThat(calls).singleElement().satisfies(c -> {
      assertThat(c.resource()).isEqualTo(GET);
      assertThat(c.input()).isEqualTo(Json.parse("{\"Bucket\":\"data\",\"Key\":\"in/items.json\"}"));
      assertThat(c.stateName()).isEqualTo("M");
    });
  }

  @Test
  void theHistoryKeepsAwsMapRunShapeWithTheReaderCallRecordedInside() throws Exception {
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"JSON\"}"), ""), "{\"key\":\"k\"}", GET, text("[1]"));
    assertThat(Fixtures.types(r)).containsExactly(
        EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted, EventType.MapRunStarted,
        EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded,
        EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited, EventType.ExecutionSucceeded);
    HistoryEvent runStarted = r.events().get(3);
    assertThat(((EventDetails.MapRunStarted) runStarted.details()).mapRunArn())
        .matches("arn:aws:states:us-east-1:111111111111:mapRun:Test/M:[0-9a-f-]{36}");
    assertThat(r.events().get(4).details()).isEqualTo(new EventDetails.TaskScheduled(
        "s3", "getObject", "us-east-1", Json.parse("{\"Bucket\":\"data\",\"Key\":\"k\"}"), null, null));
  }

  @Test
  void anAlreadyParsedJsonValueIsAcceptedAndItemsPointerSelectsTheNestedArray() throws Exception {
    String config = "{\"InputType\":\"JSON\",\"ItemsPointer\":\"/inventory/featured\"}";
    ExecutionResult r = run(machine(getObject(config), ""), "{\"key\":\"k\"}", GET,
        Json.NODES.objectNode().set("inventory", Json.NODES.objectNode().set("featured", Json.NODES.arrayNode().add("x").add("y"))));
    assertThat(r.output()).isEqualTo(Json.parse("[\"x\",\"y\"]"));
  }

  @Test
  void jsonLinesGiveOneItemPerLineAndMaxItemsStopsReading() throws Exception {
    String body = "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n";
    assertThat(run(machine(getObject("{\"InputType\":\"JSONL\"}"), ""), "{\"key\":\"k\"}", GET, text(body)).output())
        .isEqualTo(Json.parse("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
    assertThat(run(machine(getObject("{\"InputType\":\"JSONL\",\"MaxItems\":2}"), ""), "{\"key\":\"k\"}", GET, text(body)).output())
        .isEqualTo(Json.parse("[{\"n\":1},{\"n\":2}]"));
  }

  @Test
  void csvWithAHeaderRowGivesObjectsOfStrings() throws Exception {
    String body = "userId,movieId,rating\n1,307,3.5\n2,\"a, b\",\"say \"\"hi\"\"\"\n3\n4,5,6,7\n";
    ExecutionResult r = csvWithHeaderRow(body);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"userId":"1","movieId":"307","rating":"3.5"},
         {"userId":"2","movieId":"a, b","rating":"say \\"hi\\""},
         {"userId":"3","movieId":"","rating":""},
         {"userId":"4","movieId":"5","rating":"6"}]"""));
  }

  @Test
  void csvWithGivenHeadersAndEachDelimiter() throws Exception {
    String[][] cases = {{"COMMA", "1,2"}, {"PIPE", "1|2"}, {"SEMICOLON", "1;2"}, {"SPACE", "1 2"}, {"TAB", "1\t2"}};
    for (String[] c : cases) {
      String config = "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"a\",\"b\"],\"CSVDelimiter\":\"" + c[0] + "\"}";
      ExecutionResult r = run(machine(getObject(config), ""), "{\"key\":\"k\"}", GET, text(c[1] + "\n" + c[1].replace('1', '3')));
      assertThat(r.output()).as(c[0]).isEqualTo(Json.parse("[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"3\",\"b\":\"2\"}]"));
    }
  }

  @Test
  void csvBackslashesEscapeTheDelimiterQuotesAndThemselves() throws Exception {
    String body = "path,size\nC:\\\\Program Files\\\\App.exe,65\na\\,b,\\\"q\\\"\n";
    ExecutionResult r = csvWithHeaderRow(body);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"path":"C:\\\\Program Files\\\\App.exe","size":"65"},{"path":"a,b","size":"\\"q\\""}]"""));
  }

  @Test
  void csvRecordsMayEndInCrLfAndAQuotedFieldMaySpanLines() throws Exception {
    String body = "a,b\r\n\"line 1\nline 2\",x\r\n\r\ny,z";
    ExecutionResult r = csvWithHeaderRow(body);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"a":"line 1\\nline 2","b":"x"},{"a":"y","b":"z"}]"""));
  }

  @Test
  void maxItemsPathIsReadFromTheStateInputAndItemSelectorSeesEachItem() throws Exception {
    String config = "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\",\"MaxItemsPath\":\"$.max\"}";
    String extra = "\"ItemSelector\":{\"row.$\":\"$$.Map.Item.Value\",\"i.$\":\"$$.Map.Item.Index\",\"key.$\":\"$.key\"},";
    ExecutionResult r = run(machine(getObject(config), extra), "{\"key\":\"k\",\"max\":2}", GET, text("v\na\nb\nc\n"));
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"row":{"v":"a"},"i":0,"key":"k"},{"row":{"v":"b"},"i":1,"key":"k"}]"""));
  }

  @Test
  void itemBatcherGroupsWhatTheReaderRead() throws Exception {
    String extra = "\"ItemBatcher\":{\"MaxItemsPerBatch\":2},";
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"JSON\"}"), extra), "{\"key\":\"k\"}", GET, text("[1,2,3]"));
    assertThat(r.output()).isEqualTo(Json.parse("[{\"Items\":[1,2]},{\"Items\":[3]}]"));
  }

  @Test
  void jsonataArgumentsAreTheRequest() throws Exception {
    String def = """
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemReader":{"Resource":"%s","ReaderConfig":{"InputType":"JSON"},
            "Arguments":{"Bucket":"b","Key":"{%% $states.input.key & '.json' %%}"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""".formatted(GET);
    ExecutionResult r = run(def, "{\"key\":\"items\"}", GET, text("[true]"));
    assertThat(r.output()).isEqualTo(Json.parse("[true]"));
    assertThat(calls.get(0).input()).isEqualTo(Json.parse("{\"Bucket\":\"b\",\"Key\":\"items.json\"}"));
  }

  @Test
  void listObjectsV2GivesEachObjectsMetadataAcrossPages() throws Exception {
    String reader = "{\"Resource\":\"" + LIST + "\",\"Parameters\":{\"Bucket\":\"b\",\"Prefix\":\"logs/\"}}";
    JsonNode page1 = Json.parse("""
        {"IsTruncated":true,"NextContinuationToken":"t1","Contents":[
          {"Key":"logs/a","Size":10,"LastModified":"2022-11-17T15:44:41Z","ETag":"\\"e1\\"","StorageClass":"STANDARD"}]}""");
    JsonNode page2 = Json.parse("""
        {"IsTruncated":false,"Contents":[{"Key":"logs/b","Size":20,"LastModified":1668699881,"ETag":"\\"e2\\"","StorageClass":"STANDARD"}]}""");
    ExecutionResult r = run(machine(reader, ""), "{}", LIST, page1, page2);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"Etag":"\\"e1\\"","Key":"logs/a","LastModified":1668699881,"Size":10,"StorageClass":"STANDARD"},
         {"Etag":"\\"e2\\"","Key":"logs/b","LastModified":1668699881,"Size":20,"StorageClass":"STANDARD"}]"""));
    assertThat(calls).extracting(TaskRequest::input).containsExactly(
        Json.parse("{\"Bucket\":\"b\",\"Prefix\":\"logs/\"}"),
        Json.parse("{\"Bucket\":\"b\",\"Prefix\":\"logs/\",\"ContinuationToken\":\"t1\"}"));
  }

  @Test
  void malformedContentFailsTheMapWithItemReaderFailed() throws Exception {
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"JSON\"}"), ""), "{\"key\":\"bad.json\"}", GET, text("[1, 2"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).startsWith("The content of the object 'bad.json' in bucket 'data' is not valid JSON");
    assertThat(Fixtures.types(r)).containsSubsequence(
        EventType.MapRunStarted, EventType.TaskSucceeded, EventType.MapRunFailed, EventType.MapStateFailed, EventType.ExecutionFailed);
  }

  @Test
  void contentThatIsNotAnArrayFailsWithItemReaderFailed() throws Exception {
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"JSON\"}"), ""), "{\"key\":\"k\"}", GET, text("{\"a\":1}"));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).isEqualTo("The items the ItemReader read must be an array but were: {\"a\":1}");
  }

  @Test
  void aFailedReadIsItemReaderFailedWhichCatchCanHandle() throws Exception {
    String extra = "\"Catch\":[{\"ErrorEquals\":[\"States.ItemReaderFailed\"],\"Next\":\"Caught\"}],";
    String def = machine(getObject("{\"InputType\":\"JSON\"}"), extra).replace("\"End\":true,", "\"Next\":\"Caught\",")
        .replace("}}}}}}", "}}}},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}");
    try (Engine engine = Fixtures.engine().invoker(GET, req -> {
      throw new TaskFailure("S3.NoSuchKey", "The specified key does not exist.");
    }).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(def), "{\"key\":\"k\"}", Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.output()).isEqualTo(Json.parse("""
          {"Error":"States.ItemReaderFailed",
           "Cause":"The ItemReader's arn:aws:states:::s3:getObject call failed with S3.NoSuchKey: The specified key does not exist."}"""));
    }
  }

  @Test
  void anUnknownReaderResourceFailsNamingTheFieldAndWhatIsSupported() throws Exception {
    String reader = "{\"Resource\":\"arn:aws:states:::s3:headObject\",\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}}";
    ExecutionResult r = run(machine(reader, ""), "{}", GET, text("[]"));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).isEqualTo("ItemReader.Resource 'arn:aws:states:::s3:headObject' is not supported; supported are "
        + "arn:aws:states:::s3:getObject and arn:aws:states:::s3:listObjectsV2");
    assertThat(calls).isEmpty();
  }

  @Test
  void anInputTypeTheEngineCannotReadFailsNamingTheField() throws Exception {
    ExecutionResult r = run(machine(getObject("{\"InputType\":\"PARQUET\"}"), ""), "{\"key\":\"k\"}", GET, text(""));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).contains("ItemReader.ReaderConfig.InputType PARQUET is not supported");
  }

  @Test
  void withoutAHandlerTheReadFailsAndSaysSo() throws Exception {
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult r = engine.run(Fixtures.machine(machine(getObject("{\"InputType\":\"JSON\"}"), "")), "{\"key\":\"k\"}", Fixtures.options());
      assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
      assertThat(r.cause()).contains("No handler is registered for the resource 'arn:aws:states:::s3:getObject'");
    }
  }
}
