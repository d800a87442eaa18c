package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a JSON tree, with anchors, aliases ({@code *name}) and merge keys
 * ({@code <<: *name}) resolved, as suites written by hand use them to share an order or a set of
 * mocks between cases (Jackson's YAML reader gives an alias as the text of its name). Scalars are
 * typed as YAML 1.2's core schema types them: true/false, null, numbers; anything else, a date
 * included, is text.
 */
final class YamlTree {
  private static final int MAX_NODES = 1_000_000;

  private int nodes;

  private YamlTree() {}

  /** The document's tree; a YAML error is an IllegalArgumentException saying where. */
  static JsonNode read(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new IllegalArgumentException(e.getMessage().replaceAll("\\s+", " ").trim(), e);
    }
    return root == null ? Json.NODES.nullNode() : new YamlTree().tree(root);
  }

  private JsonNode tree(Node node) {
    if (++nodes > MAX_NODES) {
      throw new IllegalArgumentException("the document expands to more than " + MAX_NODES + " values (aliases within aliases?)");
    }
    if (node instanceof MappingNode m) {
      ObjectNode o = Json.NODES.objectNode();
      List<ObjectNode> merged = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
          Node v = t.getValueNode();
          for (Node each : v instanceof SequenceNode s ? s.getValue() : List.of(v)) {
            if (!(tree(each) instanceof ObjectNode from)) {
              throw new IllegalArgumentException("a merge key (<<) takes a mapping or a list of mappings, near line "
                  + (each.getStartMark().getLine() + 1));
            }
            merged.add(from);
          }
        } else {
          String k = key(t.getKeyNode());
          if (o.has(k)) {
            throw new IllegalArgumentException("duplicate key \"" + k + "\" at line " + (t.getKeyNode().getStartMark().getLine() + 1));
          }
          o.set(k, tree(t.getValueNode()));
        }
      }
      // the mapping's own keys win over merged ones, and earlier merged mappings over later ones
      for (ObjectNode from : merged) {
        from.properties().forEach(e -> {
          if (!o.has(e.getKey())) {
            o.set(e.getKey(), e.getValue());
          }
        });
      }
      return o;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode a = Json.NODES.arrayNode();
      for (Node each : s.getValue()) {
        a.add(tree(each));
      }
      return a;
    }
    return scalar((ScalarNode) node);
  }

  private static String key(Node node) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw new IllegalArgumentException("a key must be plain text, near line " + (node.getStartMark().getLine() + 1));
  }

  private static JsonNode scalar(ScalarNode s) {
    String v = s.getValue();
    if (!s.isPlain()) {
      return Json.NODES.textNode(v); // quoted, or with an explicit tag: text
    }
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return Json.NODES.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      String b = v.toLowerCase(Locale.ROOT);
      return b.equals("true") ? Json.NODES.booleanNode(true) : b.equals("false") ? Json.NODES.booleanNode(false) : Json.NODES.textNode(v);
    }
    if (tag.equals(Tag.INT) && v.matches("[-+]?[0-9]+")) {
      BigInteger n = new BigInteger(v);
      return n.bitLength() < 32 ? Json.NODES.numberNode(n.intValue())
          : n.bitLength() < 64 ? Json.NODES.numberNode(n.longValue()) : Json.NODES.numberNode(n);
    }
    if ((tag.equals(Tag.FLOAT) || tag.equals(Tag.INT)) && v.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
      return Json.NODES.numberNode(new BigDecimal(v));
    }
    return Json.NODES.textNode(v);
  }
}
