package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the input, a command answers with one line that names the file or field, never a stack trace. */
class BadInputTest {
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private Path file(String name, String text) throws Exception {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertOneLine(Cli.Outcome o, int exit, String expected) {
    assertThat(o.exit()).isEqualTo(exit);
    assertThat(o.err().strip()).isEqualTo(expected);
    assertThat(o.err() + o.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aFileThatIsNotUtf8() throws Exception {
    byte[] latin1 = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"caf\u00e9\",\"End\":true}}}"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path def = file("latin1.asl.json", latin1);
    String expected = def + ": not UTF-8 text (byte 0xE9 at offset 57); save it as UTF-8";
    assertOneLine(Cli.stepwise("validate", def.toString()), ExitCodes.USAGE, expected);
    assertOneLine(Cli.stepwise("run", def.toString()), ExitCodes.USAGE, expected);
    Path input = file("in.json", "{\"k\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    assertOneLine(Cli.stepwise("run", file("ok.json", PASS).toString(), "--input", "@" + input), ExitCodes.USAGE,
        input + ": not UTF-8 text (byte 0xE9 at offset 6); save it as UTF-8");
  }

  @Test
  void aDirectoryGivenAsAFile() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("machines"));
    assertOneLine(Cli.stepwise("validate", sub.toString()), ExitCodes.USAGE, sub + ": is a directory, not a file");
    assertOneLine(Cli.stepwise("run", sub.toString()), ExitCodes.USAGE, sub + ": is a directory, not a file");
    assertOneLine(Cli.stepwise("run", file("ok.json", PASS).toString(), "--input", "@" + sub), ExitCodes.USAGE,
        sub + ": is a directory, not a file");
    assertOneLine(Cli.stepwise("run", file("ok2.json", PASS).toString(), "--task-responses", sub.toString()), ExitCodes.USAGE,
        sub + ": is a directory, not a file");
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = PASS.getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(text, 0, both, 3, text.length);
    Path def = file("bom.asl.json", both);
    assertThat(Cli.stepwise("validate", def.toString()).exit()).isZero();
    Cli.Outcome run = Cli.stepwise("run", def.toString(), "--input", "{\"a\":1}");
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo("{\"a\":1}");
  }

  @Test
  void aDashReadsStandardInputOnce() throws Exception {
    Cli.Outcome def = Cli.withStdin(PASS, "run", "-", "--input", "{\"from\":\"args\"}");
    assertThat(def.exit()).isZero();
    assertThat(def.out().strip()).isEqualTo("{\"from\":\"args\"}");
    Cli.Outcome input = Cli.withStdin("{\"from\":\"stdin\"}", "run", file("p.json", PASS).toString(), "--input", "@-");
    assertThat(input.out().strip()).isEqualTo("{\"from\":\"stdin\"}");
    assertThat(Cli.withStdin(PASS, "validate", "-").out().strip()).isEqualTo("standard input: valid");
    assertOneLine(Cli.withStdin(PASS, "run", "-", "--input", "-"), ExitCodes.USAGE,
        "standard input: already read for another argument; it can be read once");
  }

  @Test
  void intrinsicCallsNestedThousandsDeepAreAProblemInTheDefinition() throws Exception {
    String call = "States.Format('x')";
    for (int i = 0; i < 3000; i++) {
      call = "States.Array(" + call + ")";
    }
    Path def = file("deep.asl.json",
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"" + call + "\"},\"End\":true}}}");
    Cli.Outcome o = Cli.stepwise("validate", def.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_DEFINITION);
    assertThat(o.out()).contains("/States/P/Parameters/x.$: Invalid intrinsic function call 'States.Array(")
        .contains("calls are nested more than 100 deep");
    assertThat(o.out().lines().mapToInt(String::length).max().orElse(0)).isLessThan(400);
    assertThat(Cli.stepwise("run", def.toString()).exit()).isEqualTo(ExitCodes.INVALID_DEFINITION);
  }

  @Test
  void jsonNestedTooDeepIsReportedInPlainWords() throws Exception {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    Cli.Outcome o = Cli.stepwise("run", file("p.json", PASS).toString(), "--input", deep);
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith("--input: Execution input is not valid JSON: the JSON is nested more than 1000 levels deep")
        .doesNotContain("StreamReadConstraints").doesNotContain("getMax");
    Path def = file("deep.json", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":" + deep + ",\"End\":true}}}");
    Cli.Outcome v = Cli.stepwise("validate", def.toString());
    assertThat(v.out()).contains("nested more than 1000 levels deep").doesNotContain("StreamReadConstraints");
  }

  @Test
  void anOutputNestedTooDeepFailsTheExecutionInOneLine() throws Exception {
    Path def = file("grow.asl.json", """
        {"StartAt":"Grow","States":{
          "Grow":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)","a.$":"$"},"Next":"More"},
          "More":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":1100,"Next":"Grow"}],"Default":"Done"},
          "Done":{"Type":"Pass","End":true}}}""");
    assertOneLine(Cli.stepwise("run", def.toString(), "--input", "{\"n\":0}"), ExitCodes.FAILED,
        "FAILED: States.Runtime: The state 'Grow' produced an output nested more than 1000 levels deep, deeper than a JSON value may be nested.");
    assertThat(Cli.stepwise("run", def.toString(), "--input", "{\"n\":0}", "--history").exit()).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void aFailureWithoutAnErrorNamePrintsCleanly() throws Exception {
    Path causeOnly = file("c.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Cause\":\"it broke\"}}}");
    assertOneLine(Cli.stepwise("run", causeOnly.toString()), ExitCodes.FAILED, "FAILED: it broke");
    Path neither = file("n.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\"}}}");
    assertOneLine(Cli.stepwise("run", neither.toString()), ExitCodes.FAILED, "FAILED");
  }

  @Test
  void aMistakeOnTheCommandLineSaysWhatAndWhereToReadMore() {
    Cli.Outcome typo = Cli.stepwise("run", "x.json", "--fast-tme");
    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err().strip().lines()).containsExactly(
        "Unknown option: '--fast-tme'", "Possible solutions: --fast-time", "Try 'stepwise run --help' for more information.");
    assertThat(Cli.stepwise("run").err()).startsWith("Missing required parameter: 'DEFINITION'").doesNotContain("Exit codes");
  }

  @Test
  void benchWithAWrongDirectoryOrWorkload() throws Exception {
    assertOneLine(Cli.stepwise("bench", "--dir", dir.resolve("none").toString()), ExitCodes.USAGE,
        dir.resolve("none") + ": no such directory (--dir names the workloads directory, holding asl/, inputs/, expected/)");
    assertOneLine(Cli.stepwise("bench", "--dir", dir.toString(), "--workload", "chain"), ExitCodes.USAGE,
        dir + ": not a workloads directory for 'chain' (no " + dir.resolve("asl/chain-1000.asl.json") + ")");
    assertOneLine(Cli.stepwise("bench", "--dir", dir.toString(), "--workload", "nope"), ExitCodes.USAGE,
        "--workload: unknown workload 'nope': use chain, ten, map, ten-jsonata or map-jsonata");
  }
}
