package io.stepwise.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLoaderTest {
  static final String EXPECTED =
      """
      {
        "status": "SUCCEEDED",
        "output": {"a": 1.5, "arn": "<ArnPart_0idx>"},
        "error": null,
        "cause": null,
        "events": ["ExecutionStarted", "TaskStateEntered", "ExecutionSucceeded"],
        "needs": ["lambda:id_function"],
        "category": "services",
        "features": ["state:Task", "task:lambda-arn"],
        "execution_type": "EXPRESS",
        "start_api": "StartSyncExecution",
        "recorded_via": ["sync"],
        "output_is_json": true,
        "time_dependent": true,
        "events_order_normalised": false,
        "verified_against_aws": true,
        "names": {
          "state_machine_name": "sm_sfc00001",
          "execution_name": "00000000-0000-4000-8000-000000000001",
          "role_arn": "arn:aws:iam::111111111111:role/r",
          "account": "111111111111",
          "region": "us-east-1"
        },
        "lambdas": {
          "fn_sfc00002": {"arn": "arn:aws:lambda:us-east-1:111111111111:function:fn_sfc00002",
                          "source": "tests/aws/x/lambdafunctions/id_function.py", "handler": "handler"}
        },
        "normalization": [{"op": "regex", "pattern": "sm_sfc00001", "replacement": "<ArnPart_0idx>"}]
      }
      """;

  static Path writeCase(Path root, String id, String definition, String input, String expected) throws IOException {
    Path d = Files.createDirectories(root.resolve("cases").resolve(id));
    Files.writeString(d.resolve("definition.json"), definition);
    Files.writeString(d.resolve("input.json"), input);
    Files.writeString(d.resolve("expected.json"), expected);
    return d;
  }

  @Test
  void loadsEveryField(@TempDir Path tmp) throws IOException {
    Path d = writeCase(tmp, "test_x__one", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\"}", "{\"in\": 1}", EXPECTED);
    ConformanceCase c = CaseLoader.load(d);
    assertThat(c.id()).isEqualTo("test_x__one");
    assertThat(c.input()).isEqualTo("{\"in\": 1}");
    assertThat(c.status()).isEqualTo("SUCCEEDED");
    assertThat(PyJson.dumps(c.output())).isEqualTo("{\"a\": 1.5, \"arn\": \"<ArnPart_0idx>\"}");
    assertThat(c.outputIsJson()).isTrue();
    assertThat(c.error()).isNull();
    assertThat(c.cause()).isNull();
    assertThat(c.events()).containsExactly("ExecutionStarted", "TaskStateEntered", "ExecutionSucceeded");
    assertThat(c.needs()).containsExactly("lambda:id_function");
    assertThat(c.names())
        .isEqualTo(new ConformanceCase.Names("sm_sfc00001", "00000000-0000-4000-8000-000000000001", "arn:aws:iam::111111111111:role/r", "111111111111", "us-east-1"));
    assertThat(c.executionType()).isEqualTo("EXPRESS");
    assertThat(c.startApi()).isEqualTo("StartSyncExecution");
    assertThat(c.recordedVia()).containsExactly("sync");
    assertThat(c.recordedFromHistory()).isFalse();
    assertThat(c.timeDependent()).isTrue();
    assertThat(c.eventsOrderNormalised()).isFalse();
    assertThat(c.normalization()).hasSize(1);
    assertThat(c.category()).isEqualTo("services");
    assertThat(c.features()).containsExactly("state:Task", "task:lambda-arn");
    assertThat(c.lambdas())
        .containsEntry(
            "fn_sfc00002",
            new ConformanceCase.LambdaRef("fn_sfc00002", "arn:aws:lambda:us-east-1:111111111111:function:fn_sfc00002", "id_function"));
    assertThat(c.verifiedAgainstAws()).isTrue();
    assertThat(c.jsonata()).isTrue();
    assertThat(c.mode()).isEqualTo(ConformanceCase.Mode.JSONATA);
    assertThat(c.historyFile()).isEmpty();
  }

  @Test
  void failedCasesKeepAJsonCauseAsJsonAndATextCauseAsText(@TempDir Path tmp) throws IOException {
    String exp = "{\"status\": \"FAILED\", \"output\": null, \"error\": \"Exception\", \"cause\": {\"errorMessage\": \"m\"},"
        + " \"events\": null, \"needs\": [], \"names\": {}, \"normalization\": [], \"lambdas\": {}}";
    ConformanceCase c = CaseLoader.load(writeCase(tmp, "f", "{\"StartAt\": \"A\"}", "{}", exp));
    assertThat(c.output()).isNull();
    assertThat(c.outputIsJson()).isNull();
    assertThat(c.error()).isEqualTo("Exception");
    assertThat(c.cause().isObject()).isTrue();
    assertThat(c.events()).isNull();
    assertThat(c.mode()).isEqualTo(ConformanceCase.Mode.JSONPATH);
    assertThat(c.executionType()).isEqualTo("STANDARD");
  }

  @Test
  void findsCasesSortedAndFilteredByGlob(@TempDir Path tmp) throws IOException {
    writeCase(tmp, "test_b__two", "{}", "{}", EXPECTED);
    writeCase(tmp, "test_a__one", "{}", "{}", EXPECTED);
    writeCase(tmp, "test_a__three", "{}", "{}", EXPECTED);
    Files.createDirectories(tmp.resolve("cases").resolve("not_a_case"));
    assertThat(CaseLoader.caseDirs(tmp, List.of()).stream().map(p -> p.getFileName().toString()))
        .containsExactly("test_a__one", "test_a__three", "test_b__two");
    assertThat(CaseLoader.caseDirs(tmp.resolve("cases"), List.of("test_a__*")).stream().map(p -> p.getFileName().toString()))
        .containsExactly("test_a__one", "test_a__three");
    assertThat(CaseLoader.caseDirs(tmp, List.of("*two", "test_a__on?")).stream().map(p -> p.getFileName().toString()))
        .containsExactly("test_a__one", "test_b__two");
    assertThat(CaseLoader.caseDirs(tmp.resolve("cases").resolve("test_b__two"), List.of())).hasSize(1);
    assertThat(CaseLoader.loadAll(tmp, List.of("test_b*"))).extracting(ConformanceCase::id).containsExactly("test_b__two");
  }
}
