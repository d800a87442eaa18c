package io.stepwise.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.graph.GraphText.Direction;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SVG a browser or an XML tool reads, with every state findable by id; a PNG any image reader opens. */
class RenderersTest {
  private final Layout layout = GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), Direction.TOP_DOWN);

  @Test
  void svgIsWellFormedAndCarriesEveryStatesIdAndEveryEdge() throws Exception {
    Document doc = parse(SvgRenderer.render(layout));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    Set<String> ids = new HashSet<>();
    int edges = 0;
    NodeList groups = doc.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("sw-node")) {
        ids.add(g.getAttribute("data-id"));
      } else if (g.getAttribute("class").startsWith("sw-edge")) {
        edges++;
      }
    }
    for (Layout.PlacedNode n : layout.nodes()) {
      assertThat(ids).contains(n.id());
    }
    assertThat(edges).isEqualTo(layout.edges().size());
    String svg = SvgRenderer.render(layout);
    assertThat(svg).contains("class=\"sw-node sw-kind-state sw-type-task\" data-id=\"States/Charge\"",
        "class=\"sw-node sw-kind-group\"", "class=\"sw-edge sw-edge-catch\" data-from=\"States/Charge\" data-to=\"States/Reject\"",
        "class=\"sw-edge sw-edge-retry\"", ">Default</text>");
  }

  @Test
  void svgEscapesWhatUsersWrite() throws Exception {
    String def = """
        {"StartAt":"a<b&\\"c\\"","States":{"a<b&\\"c\\"":{"Type":"Pass","End":true}}}""";
    Layout l = GraphLayout.layout(Definitions.graph(def), Direction.LEFT_RIGHT);
    String svg = SvgRenderer.render(l);
    assertThat(svg).contains("a&lt;b&amp;&quot;c&quot;").doesNotContain("a<b");
    Document doc = parse(svg);
    NodeList texts = doc.getElementsByTagName("text");
    boolean found = false;
    for (int i = 0; i < texts.getLength(); i++) {
      found |= texts.item(i).getTextContent().equals("a<b&\"c\"");
    }
    assertThat(found).as("the label reads back as written").isTrue();
  }

  @Test
  void aLongLabelIsNeverCutInsideACharacter() {
    String rule = "x".repeat(Labels.MAX_VISIBLE - 2) + "😀 and more";
    assertThat(Labels.visible(rule)).isEqualTo("x".repeat(Labels.MAX_VISIBLE - 2) + "…");
    assertThat(Labels.visible("short")).isEqualTo("short");
  }

  @Test
  void pngHasTheSignatureAndTheScaledSize() throws Exception {
    byte[] png = PngRenderer.render(layout, 2);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo((int) Math.ceil(layout.width() * 2));
    assertThat(image.getHeight()).isEqualTo((int) Math.ceil(layout.height() * 2));
    // something is drawn: the Start marker's centre is dark
    Layout.PlacedNode start = layout.nodes().stream().filter(n -> n.kind() == Kind.START && n.parent() == null).findFirst().orElseThrow();
    int rgb = image.getRGB((int) ((start.x() + start.width() / 2) * 2), (int) ((start.y() + start.height() / 2) * 2));
    assertThat(rgb & 0xff).isLessThan(0x80);
  }

  @Test
  void pngRefusesAScaleThatIsNotPositive() {
    assertThatThrownBy(() -> PngRenderer.render(layout, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
