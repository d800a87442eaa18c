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
  void aBrokenDefinitionIsRefusedWithItsProblems() throws Exception {
    Path bad = dir.resolve("bad.asl.json");
    Files.writeString(bad, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}");
    Cli.Outcome o = Cli.stepwise("graph", bad.toString());
    assertThat(o.exit()).isEqualTo(3);
    assertThat(o.err()).contains("/States/A/Next");
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    assertThat(Cli.stepwise("graph", def.toString(), "--direction", "up").exit()).isEqualTo(2);
  }

  @Test
  void svgIsLaidOutHereWithEveryStateFindableById() throws Exception {
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    Cli.Outcome o = Cli.stepwise("graph", def.toString(), "--format", "svg", "--direction", "LR");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"",
        "data-id=\"States/Check\"", "data-id=\"States/Big\"", "data-id=\"States/Small\"",
        "sw-edge sw-edge-default", ">Default</text>", "&gt; 1").endsWith("</svg>\n");
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(o.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void pngIntoAFileAtTheScaleAsked() throws Exception {
    Path def = dir.resolve("m.asl.json");
    Files.writeString(def, MACHINE);
    Path png = dir.resolve("m.png");
    Cli.Outcome o = Cli.stepwise("graph", def.toString(), "--format", "png", "--scale", "1", "-o", png.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(100);
    assertThat(Cli.stepwise("graph", def.toString(), "--format", "png", "--scale", "0", "-o", png.toString()).err())
        .contains("--scale must be");
  }
}
