package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code stepwise test SUITE}: a line per case, a summary, exit 0/1, and a malformed suite refused before any case runs (exit 2). */
class TestCommandTest {
  private static final Path EXAMPLE = Path.of("../examples/testing/order-suite.yaml");

  @TempDir Path dir;

  @Test
  void theExampleSuitePassesWithALinePerCaseAndASummary() throws Exception {
    Path xml = dir.resolve("junit.xml");
    Cli.Outcome o = Cli.stepwise("test", EXAMPLE.toString(), "--junit-xml", xml.toString());
    assertThat(o.exit()).as(o.out() + o.err()).isZero();
    assertThat(o.out().lines().toList()).hasSize(5);
    assertThat(o.out()).contains("PASS  reserves, pays, waits and ships  (").contains("PASS  runs a Step Functions Local test case  (");
    assertThat(o.out().lines().toList().get(4)).startsWith("4 passed, 0 failed");
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    assertThat(suite.getAttribute("name")).isEqualTo("order");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void aFailingCaseShowsTheDifferenceAndExitsOne() throws Exception {
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, """
        definition: {StartAt: P, States: {P: {Type: Pass, Result: {total: 12}, Next: W}, W: {Type: Wait, Seconds: 86400, End: true}}}
        cases:
          - {name: right, expect: {output: {total: 12}, states: [P, W]}}
          - {name: wrong, expect: {output: {total: 10}}}
        """);
    Cli.Outcome o = Cli.stepwise("test", suite.toString());
    assertThat(o.exit()).isEqualTo(1);
    assertThat(o.out()).contains("PASS  right").contains("FAIL  wrong")
        .contains("      output differs: first difference at /total: expected 10, got 12\n"
            + "        expected: {\"total\":10}\n"
            + "        actual:   {\"total\":12}");
    assertThat(o.out()).contains("1 passed, 1 failed");
  }

  @Test
  void aMalformedSuiteIsRefusedWithEveryProblemBeforeAnyCaseRuns() throws Exception {
    Path suite = dir.resolve("bad.json");
    Files.writeString(suite, """
        {"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
         "cases": [{"name": "a", "mocks": {"P": "Nope"}}, {"name": "b", "expect": {"status": "OK"}}],
         "extra": 1}""");
    Cli.Outcome o = Cli.stepwise("test", suite.toString());
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).startsWith(suite + ": invalid suite (4 problems)")
        .contains("  /extra: unknown key")
        .contains("  /cases/0/mocks/P: the state \"P\" is a Pass state: only Task states can be mocked")
        .contains("  /cases/0/mocks/P: the mocked response \"Nope\" is not in the suite's MockedResponses, which has none")
        .contains("  /cases/1/expect/status: \"OK\" is not an execution status");
  }

  @Test
  void aMissingSuiteFileIsAUsageError() {
    Cli.Outcome o = Cli.stepwise("test", dir.resolve("none.yaml").toString());
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("none.yaml: invalid suite (1 problem)").contains("/: cannot be read: no such file");
  }
}
