package io.stepwise.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private static final String U1 = "0b7e5a6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
  private static final String U2 = "11111111-2222-4333-8444-555555555555";

  static JsonNode json(String text) {
    JsonNode n = PyJson.tryLoads(text);
    assertThat(n).as("test JSON: %s", text).isNotNull();
    return n;
  }

  static List<JsonNode> ops(String... ops) {
    List<JsonNode> out = new ArrayList<>();
    for (String o : ops) {
      out.add(json(o));
    }
    return out;
  }

  private static String norm(String container, String... ops) {
    return PyJson.dumps(Normalizer.normalize(json(container), ops(ops)));
  }

  @Test
  void uuidReferencesAreNumberedInOrderOfDiscoveryAndReplacedEverywhere() {
    String out =
        norm(
            "{\"a\": {\"ExecutionId\": \"" + U1 + "\", \"requestId\": \"" + U2 + "\", \"OtherId\": \"" + U1 + "\"},"
                + " \"text\": \"see " + U1 + " and " + U2 + "\", \"notanidkey\": \"" + U2 + "x\"}",
            "{\"op\": \"uuid_reference\", \"replacement\": \"uuid\"}");
    assertThat(out)
        .isEqualTo(
            "{\"a\": {\"ExecutionId\": \"<uuid:1>\", \"requestId\": \"<uuid:2>\", \"OtherId\": \"<uuid:1>\"},"
                + " \"text\": \"see <uuid:1> and <uuid:2>\", \"notanidkey\": \"<uuid:2>x\"}");
  }

  @Test
  void referenceNumbersCountPerReplacementAndAValueIsReferencedOnce() {
    String out =
        norm(
            "{\"Ref\": \"alpha\", \"x\": {\"Ref\": \"beta\"}, \"y\": [{\"Ref\": \"alpha\"}], \"RequestId\": \"" + U1 + "\"}",
            "{\"op\": \"key_value_reference\", \"key\": \"Ref\", \"replacement\": \"ref\"}",
            "{\"op\": \"uuid_reference\", \"replacement\": \"uuid\"}");
    assertThat(out).isEqualTo("{\"Ref\": \"<ref:1>\", \"x\": {\"Ref\": \"<ref:2>\"}, \"y\": [{\"Ref\": \"<ref:1>\"}], \"RequestId\": \"<uuid:1>\"}");
  }

  @Test
  void regexRunsOverTheJsonDumpsTextWithPythonSpacingAndAsciiEscapes() {
    // the text the regex sees is {"a": "x\"y", "b": "\u00e9", "c": [1, 2]}
    String out =
        norm(
            "{\"a\": \"x\\\"y\", \"b\": \"\u00e9\", \"c\": [1, 2]}",
            "{\"op\": \"regex\", \"pattern\": \"x\\\\\\\\\\\"y\", \"replacement\": \"Q\"}",
            "{\"op\": \"regex\", \"pattern\": \"\\\\\\\\u00e9\", \"replacement\": \"E\"}",
            "{\"op\": \"regex\", \"pattern\": \"\\\\[1, 2\\\\]\", \"replacement\": \"[3]\"}");
    assertThat(out).isEqualTo("{\"a\": \"Q\", \"b\": \"E\", \"c\": [3]}");
  }

  @Test
  void serialisedOpsRunInOpOrderAfterAllValueOps() {
    // the regex is queued first, so it sees the text before the reference replaces "abc"
    String out =
        norm(
            "{\"Name\": \"abc\", \"other\": \"abc-1\"}",
            "{\"op\": \"regex\", \"pattern\": \"abc-1\", \"replacement\": \"R\"}",
            "{\"op\": \"key_value_reference\", \"key\": \"Name\", \"replacement\": \"name\"}",
            "{\"op\": \"key_value_value\", \"key\": \"other\", \"replacement\": \"V\"}");
    // key_value_value changed "other" immediately, before any text op ran
    assertThat(out).isEqualTo("{\"Name\": \"<name:1>\", \"other\": \"V\"}");
  }

  @Test
  void stringsStartingWithABraceAreParsedOneLevelDeep() {
    JsonNode out =
        Normalizer.normalize(
            json("{\"output\": \"{\\\"k\\\": \\\"{\\\\\\\"n\\\\\\\": 1}\\\"}\", \"arr\": \"[1]\", \"bad\": \"{x\", \"l\": [{\"s\": \"{}\"}, \"{}\"]}"),
            List.of());
    assertThat(out.get("output").isObject()).isTrue();
    assertThat(out.get("output").get("k").isTextual()).as("not parsed recursively").isTrue();
    assertThat(out.get("arr").isTextual()).isTrue();
    assertThat(out.get("bad").textValue()).isEqualTo("{x");
    assertThat(out.get("l").get(0).get("s").isObject()).isTrue();
    assertThat(out.get("l").get(1).isTextual()).as("strings directly in lists stay").isTrue();
  }

  @Test
  void jsonpathValueReplacesEveryRecursiveMatch() {
    String out =
        norm(
            "{\"SdkHttpMetadata\": {\"AllHttpHeaders\": {\"Date\": [\"Mon\"]}, \"HttpHeaders\": {\"Date\": \"Mon\"}}, \"Date\": \"keep\","
                + " \"x\": [{\"X-Amzn-Trace-Id\": \"Root=1\"}]}",
            "{\"op\": \"jsonpath_value\", \"path\": \"$..SdkHttpMetadata..Date\", \"replacement\": \"date\"}",
            "{\"op\": \"jsonpath_value\", \"path\": \"$..X-Amzn-Trace-Id\", \"replacement\": \"X-Amzn-Trace-Id\"}");
    assertThat(out)
        .isEqualTo(
            "{\"SdkHttpMetadata\": {\"AllHttpHeaders\": {\"Date\": \"date\"}, \"HttpHeaders\": {\"Date\": \"date\"}}, \"Date\": \"keep\","
                + " \"x\": [{\"X-Amzn-Trace-Id\": \"X-Amzn-Trace-Id\"}]}");
  }

  @Test
  void jsonpathWithAChildChainAfterRecursiveDescent() {
    String out =
        norm(
            "{\"events\": [{\"executionSucceededEventDetails\": {\"output\": \"{\\\"FunctionResult\\\": 42}\"}},"
                + " {\"stateExitedEventDetails\": {\"output\": \"{\\\"FunctionResult\\\": 7}\"}}]}",
            "{\"op\": \"jsonpath_value\", \"path\": \"$..events..executionSucceededEventDetails.output.FunctionResult\", \"replacement\": \"R\"}");
    assertThat(out)
        .isEqualTo(
            "{\"events\": [{\"executionSucceededEventDetails\": {\"output\": {\"FunctionResult\": \"R\"}}},"
                + " {\"stateExitedEventDetails\": {\"output\": {\"FunctionResult\": 7}}}]}");
  }

  @Test
  void jsonpathReferenceTakesOnlyStrings() {
    String out =
        norm(
            "{\"LogResult\": \"bG9n\", \"h\": {\"X-Amz-Log-Result\": [\"bG9n\"], \"LogResult\": 5}}",
            "{\"op\": \"jsonpath_reference\", \"path\": \"$..LogResult\", \"replacement\": \"LogResult\"}");
    assertThat(out).isEqualTo("{\"LogResult\": \"<LogResult:1>\", \"h\": {\"X-Amz-Log-Result\": [\"<LogResult:1>\"], \"LogResult\": 5}}");
  }

  @Test
  void causeJsonInputReferenceTakesTheQuotedJsonOfACause() {
    String out =
        norm(
            "{\"cause\": \"could not be found in the input '{\\\"a\\\": 1}'\", \"Cause\": \"the input '{\\\"a\\\": 1}'\"}",
            "{\"op\": \"cause_json_input_reference\", \"replacement\": \"json-input\"}");
    assertThat(out).isEqualTo("{\"cause\": \"could not be found in the input '<json-input:1>'\", \"Cause\": \"the input '<json-input:1>'\"}");
  }

  @Test
  void timestampKeysReplaceNonIsoValuesOfTimestampishKeys() {
    String out =
        norm(
            "{\"timestamp\": 1700000000.5, \"creationTime\": \"2024-01-01T00:00:00Z\", \"myTimeStampX\": {\"a\": 1},"
                + " \"ingestionTime\": null, \"time\": 5}",
            "{\"op\": \"timestamp_keys\", \"replacement\": \"timestamp\"}");
    assertThat(out)
        .isEqualTo(
            "{\"timestamp\": \"timestamp\", \"creationTime\": \"2024-01-01T00:00:00Z\", \"myTimeStampX\": \"timestamp\","
                + " \"ingestionTime\": \"timestamp\", \"time\": 5}");
  }

  @Test
  void iso8601DatesAreReplacedOnlyWhenValid() {
    String out =
        norm(
            "{\"a\": \"at 2024-02-29T10:00:00.123Z!\", \"b\": \"2023-02-29T10:00:00Z\", \"c\": \"2024-11-04T11:40:47+00:00\"}",
            "{\"op\": \"iso8601_date\", \"replacement\": \"date\"}");
    assertThat(out).isEqualTo("{\"a\": \"at date!\", \"b\": \"2023-02-29T10:00:00Z\", \"c\": \"date\"}");
  }

  @Test
  void responseMetadataKeepsOnlyTheStatusCode() {
    String out =
        norm(
            "{\"ResponseMetadata\": {\"RequestId\": \"r\", \"HTTPStatusCode\": 200, \"HTTPHeaders\": {\"a\": \"b\"}},"
                + " \"n\": {\"ResponseMetadata\": {\"HTTPStatusCode\": 0}}}",
            "{\"op\": \"response_metadata\"}");
    assertThat(out).isEqualTo("{\"ResponseMetadata\": {\"HTTPHeaders\": {}, \"HTTPStatusCode\": 200}, \"n\": {\"ResponseMetadata\": {\"HTTPHeaders\": {}}}}");
  }

  @Test
  void parallelEventsAreSortedByTheirJsonAndTheWriteBackAtExitedDropsAnEvent() {
    JsonNode out =
        Normalizer.normalize(
            json(
                "{\"events\": ["
                    + "{\"id\": 1, \"previousEventId\": 0, \"type\": \"ParallelStateStarted\"},"
                    + "{\"id\": 2, \"previousEventId\": 1, \"taskScheduledEventDetails\": {}, \"type\": \"TaskScheduled\"},"
                    + "{\"id\": 3, \"previousEventId\": 2, \"stateEnteredEventDetails\": {}, \"type\": \"TaskStateEntered\"},"
                    + "{\"id\": 4, \"previousEventId\": 3, \"type\": \"ParallelStateSucceeded\"},"
                    + "{\"id\": 5, \"previousEventId\": 4, \"type\": \"ParallelStateExited\"},"
                    + "{\"id\": 6, \"previousEventId\": 5, \"type\": \"ExecutionSucceeded\"}]}"),
            ops("{\"op\": \"parallel_events_sorted\"}"));
    List<String> types = new ArrayList<>();
    out.get("events").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("ParallelStateStarted", "TaskStateEntered", "TaskScheduled", "ParallelStateExited", "ExecutionSucceeded");
    assertThat(out.get("events").get(1).get("id")).isEqualTo(json("[0]"));
    assertThat(out.get("events").get(1).get("previousEventId").asInt()).isZero();
  }

  @Test
  void mapRunArnsGetIndexedPlaceholders() {
    String arn = "arn:aws:states:us-east-1:111111111111:mapRun:sm/label:" + U1;
    String out = norm("{\"mapRunArn\": \"" + arn + "\", \"x\": \"" + U1 + "\"}", "{\"op\": \"sfn_map_run_arns\"}");
    assertThat(out).isEqualTo("{\"mapRunArn\": \"arn:aws:states:us-east-1:111111111111:mapRun:sm/label:<MapRunArnPart1_0idx>\", \"x\": \"<MapRunArnPart1_0idx>\"}");
  }

  @Test
  void otherOpsAreIgnoredAndTheContainerIsNotChanged() {
    JsonNode in = json("{\"output\": \"{\\\"a\\\": 1}\"}");
    JsonNode copy = in.deepCopy();
    JsonNode out = Normalizer.normalize(in, ops("{\"op\": \"other\", \"fn\": \"x\"}"));
    assertThat(in).isEqualTo(copy);
    assertThat(PyJson.dumps(out)).isEqualTo("{\"output\": {\"a\": 1}}");
  }

  @Test
  void unsupportedJsonPathIsReported() {
    assertThatThrownBy(() -> Normalizer.normalize(json("{}"), ops("{\"op\": \"jsonpath_value\", \"path\": \"$.a[0]\", \"replacement\": \"x\"}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultOpsMatchTheReference() {
    assertThat(Normalizer.defaultOpsBefore()).hasSize(7);
    List<JsonNode> after = Normalizer.defaultOpsAfter("111111111111", "us-east-1", "aws");
    String out = PyJson.dumps(Normalizer.normalize(json("{\"arn\": \"arn:aws:states:us-east-1:222222222222:x\"}"), after));
    assertThat(out).isEqualTo("{\"arn\": \"arn:<partition>:states:<region>:222222222222:x\"}");
  }
}
