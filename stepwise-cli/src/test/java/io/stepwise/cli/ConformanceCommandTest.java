package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stepwise conformance} end to end on a two-case corpus (the harness is tested in stepwise-conformance). */
class ConformanceCommandTest {
  private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  /** A case whose recorded run succeeded with {@code output}; no events, no normalisation. */
  private static void writeCase(Path corpus, String id, String output) throws IOException {
    Path d = Files.createDirectories(corpus.resolve("cases").resolve(id));
    Files.writeString(d.resolve("definition.json"), PASS);
    Files.writeString(d.resolve("input.json"), "{}");
    Files.writeString(d.resolve("expected.json"),
        "{\"status\": \"SUCCEEDED\", \"output\": " + output + ", \"output_is_json\": true, \"error\": null, \"cause\": null,"
            + " \"events\": null, \"needs\": [], \"normalization\": [], \"lambdas\": {}, \"names\": {\"state_machine_name\": \"m\","
            + " \"execution_name\": \"e\", \"role_arn\": \"arn:aws:iam::111111111111:role/r\", \"account\": \"111111111111\","
            + " \"region\": \"us-east-1\"}}");
  }

  @Test
  void exitsOneOnlyWhenARequiredRateIsMissedAndTwoWhenTheCorpusIsMissing(@TempDir Path tmp) throws IOException {
    writeCase(tmp, "test_a__pass", "{}");
    writeCase(tmp, "test_b__wrong", "{\"k\": 2}");
    String dir = tmp.toString();

    Cli.Outcome all = Cli.stepwise("conformance", dir);
    assertThat(all.exit()).isZero();
    assertThat(all.out().lines().toList())
        .contains("FAIL test_b__wrong: output $.k: missing (expected 2)", "jsonpath: 1 passed, 1 failed, 0 skipped (50.0% pass)",
            "1 passed, 1 failed, 0 skipped");
    assertThat(Cli.stepwise("conformance", dir, "--min-jsonpath-rate", "50").exit()).isZero();
    Cli.Outcome below = Cli.stepwise("conformance", dir, "--min-jsonpath-rate", "60");
    assertThat(below.exit()).isEqualTo(1);
    assertThat(below.err()).contains("jsonpath pass rate 50.0% is below the required 60.0%");
    assertThat(Cli.stepwise("conformance", dir, "--min-jsonata-rate", "100").exit()).isZero();

    Path results = tmp.resolve("r.jsonl");
    Cli.Outcome one = Cli.stepwise("conformance", dir, "--case", "test_a*", "--min-jsonpath-rate", "100", "--results", results.toString(),
        "--jobs", "2", "--timeout", "5", "--replay", "--verbose");
    assertThat(one.exit()).isZero();
    assertThat(one.out()).contains("1 passed, 0 failed, 0 skipped");
    assertThat(Files.readAllLines(results)).hasSize(1);

    Cli.Outcome missing = Cli.stepwise("conformance", tmp.resolve("missing").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("not a conformance corpus directory");
  }
}
