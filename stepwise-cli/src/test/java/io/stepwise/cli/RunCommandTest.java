package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;

  private static Cli.Outcome stepwise(String... args) {
    return Cli.stepwise(args);
  }

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void runsTheHelloExampleAndPrintsItsOutput() throws Exception {
    Cli.Outcome o = stepwise("run", "../examples/hello/hello.asl.json", "--input", "{\"name\":\"Ada\"}");
    assertThat(o.exit()).isZero();
    assertThat(Json.parse(o.out())).isEqualTo(Json.parse("{\"greeting\":\"Hello, Ada!\",\"words\":2}"));
  }

  @Test
  void jsonAndHistoryReportTheExecutionAsAwsDoes() throws Exception {
    Path def = file("m.asl.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"C\"}}}");
    Cli.Outcome o = stepwise("run", def.toString(), "--history");
    assertThat(o.exit()).isEqualTo(1);
    JsonNode r = Json.parse(o.out());
    assertThat(r.get("status").asText()).isEqualTo("FAILED");
    assertThat(r.get("error").asText()).isEqualTo("E");
    assertThat(r.get("cause").asText()).isEqualTo("C");
    assertThat(r.get("executionArn").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:m:");
    assertThat(r.get("events").get(2).get("type").asText()).isEqualTo("ExecutionFailed");
    assertThat(r.get("events").get(2).get("executionFailedEventDetails").get("error").asText()).isEqualTo("E");
  }

  @Test
  void taskResponsesScriptRetriesOneCallAtATime() throws Exception {
    Path def = file("t.asl.json", """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:svc:act",
          "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":30}],"End":true}}}""");
    Path responses = file("r.json", """
        {"arn:aws:states:::aws-sdk:svc:act":[{"Throw":{"Error":"Busy","Cause":"try later"}},{"Return":{"ok":true}}]}""");
    Cli.Outcome o = stepwise("run", def.toString(), "--task-responses", responses.toString(), "--fast-time", "--json");
    assertThat(o.exit()).isZero();
    assertThat(Json.parse(o.out()).get("output")).isEqualTo(Json.parse("{\"ok\":true}"));
  }

  @Test
  void taskResponsesServeADistributedMapsItemReader() throws Exception {
    Path def = file("reader.asl.json", """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                        "Parameters":{"Bucket":"data","Key":"rows.csv"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""");
    Path responses = file("s3.json", """
        {"arn:aws:states:::s3:getObject":{"Return":"id,name\\n1,Ada\\n2,Grace\\n"}}""");
    Cli.Outcome o = stepwise("run", def.toString(), "--task-responses", responses.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(Json.parse(o.out())).isEqualTo(Json.parse("[{\"id\":\"1\",\"name\":\"Ada\"},{\"id\":\"2\",\"name\":\"Grace\"}]"));

    Cli.Outcome missing = stepwise("run", def.toString(), "--task-responses", file("none.json", "{}").toString(), "--json");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(Json.parse(missing.out()).get("error").asText()).isEqualTo("States.ItemReaderFailed");
    assertThat(Json.parse(missing.out()).get("cause").asText()).contains("No handler is registered for the resource 'arn:aws:states:::s3:getObject'");
  }

  @Test
  void inputFromAFileAndBadInputGetsAClearError() throws Exception {
    Path def = file("p.asl.json", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    Path input = file("in.json", "{\"a\":[1,2]}");
    assertThat(Json.parse(stepwise("run", def.toString(), "--input", "@" + input).out())).isEqualTo(Json.parse("{\"a\":[1,2]}"));
    Cli.Outcome bad = stepwise("run", def.toString(), "--input", "{not json");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("not valid JSON");
  }

  @Test
  void anInvalidDefinitionIsReportedWithPointersAndExitCode3() throws Exception {
    Path def = file("bad.asl.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}");
    Cli.Outcome o = stepwise("run", def.toString());
    assertThat(o.exit()).isEqualTo(3);
    assertThat(o.err()).contains("/States/A");
  }

  @Test
  void validateWarnsAboutUnassignedVariablesWithoutFailing() throws Exception {
    Path def = file("v.asl.json", """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Output": "{% $total + $missing %}", "Assign": {"total": 1}, "End": true}}}""");
    Cli.Outcome o = stepwise("validate", def.toString());
    assertThat(o.exit()).isZero();
    assertThat(o.out()).contains("v.asl.json: valid (1 warning)")
        .contains("warning /States/A/Output: reads $missing, which no state this one can see assigns");
  }

  @Test
  void missingInputOrResponseFilesAndMalformedResponsesAreOneLineErrors() throws Exception {
    Path def = file("ok.asl.json", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    Cli.Outcome noInput = stepwise("run", def.toString(), "--input", "@" + dir.resolve("nope.json"));
    assertThat(noInput.exit()).isEqualTo(2);
    assertThat(noInput.err().strip()).isEqualTo(dir.resolve("nope.json") + ": no such file");
    Cli.Outcome noResponses = stepwise("run", def.toString(), "--task-responses", dir.resolve("none.json").toString());
    assertThat(noResponses.exit()).isEqualTo(2);
    assertThat(noResponses.err().strip()).isEqualTo(dir.resolve("none.json") + ": no such file");
    Path broken = file("broken.json", "{\"x\": [}");
    Cli.Outcome bad = stepwise("run", def.toString(), "--task-responses", broken.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo(broken + ": not valid JSON: Unexpected close marker '}': expected ']'"
        + " (for Array starting at line 1, column 7) (line 1, column 8)");
  }
}
