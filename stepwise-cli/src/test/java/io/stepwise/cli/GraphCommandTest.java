package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stepwise graph: a definition as DOT or Mermaid, a broken one refused with its problems. */
class GraphCommandTest {
  @TempDir Path dir;

  private static final String MACHINE = """
      {"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"},
        "Big":{"Type":"Pass","End":true},
        "Small":{"Type":"Fail","Error":"TooSmall"}}}""";

  @Test
  void dotIsTheDefaultAndNamesEveryStateAndRule() throws Exception {
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    Cli.Outcome o = Cli.stepwise("graph", def.toString());
    assertThat(o.exit()).isZero();
    assertThat(o.out()).startsWith("digraph workflow {").contains("Check\\nChoice", "Big\\nPass", "Small\\nFail",
        "[label=\"$.n > 1\"]", "[label=\"Default\", style=bold]").endsWith("}\n");
  }

  @Test
  void mermaidLeftToRightIntoAFile() throws Exception {
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    Path out = dir.resolve("m.mmd");
    Cli.Outcome o = Cli.stepwise("graph", def.toString(), "--format", "mermaid", "--direction", "LR", "-o", out.toString());
    assertThat(o.exit()).isZero();
    assertThat(o.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("flowchart LR\n").contains("{\"Check<br/>Choice\"}", "==>|\"Default\"|");
  }

  @Test
  void aBrokenDefinitionIsRefusedWithItsProblemsAndSvgIsNotYetDrawn() throws Exception {
    Path bad = dir.resolve("bad.asl.json");
    Files.writeString(bad, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}");
    Cli.Outcome o = Cli.stepwise("graph", bad.toString());
    assertThat(o.exit()).isEqualTo(3);
    assertThat(o.err()).contains("/States/A/Next");
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    Cli.Outcome svg = Cli.stepwise("graph", def.toString(), "--format", "svg");
    assertThat(svg.exit()).isEqualTo(2);
    assertThat(svg.err()).contains("| dot -Tsvg");
    assertThat(Cli.stepwise("graph", def.toString(), "--direction", "up").exit()).isEqualTo(2);
  }
}
