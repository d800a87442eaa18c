package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The part of jsonpath-ng the corpus ops use: {@code $}, {@code .name}, {@code .*} and
 * recursive descent {@code ..name}, where '.' binds tighter than '..'
 * ({@code $..a..b.c} is {@code ($..a)..(b.c)}). {@link #find} and {@link #update} follow
 * jsonpath-ng's order and semantics: descent visits a node, then its children in key or
 * index order; an update replaces a matched field's value and then descends into the new
 * value (which, being a string, has nothing under it).
 */
public final class JsonPathLite {
  private final Expr expr;
  private final String text;

  private JsonPathLite(Expr expr, String text) {
    this.expr = expr;
    this.text = text;
  }

  /** Parses a path; throws IllegalArgumentException for syntax outside the subset. */
  public static JsonPathLite parse(String path) {
    String p = path.trim();
    List<String> parts = splitDoubleDot(p);
    Expr e = chain(parts.get(0), true, path);
    for (int i = 1; i < parts.size(); i++) {
      e = new Descendants(e, chain(parts.get(i), false, path));
    }
    return new JsonPathLite(e, path);
  }

  /** Matched values, in jsonpath-ng's order. */
  public List<JsonNode> find(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    expr.find(root, out);
    return out;
  }

  /** Sets every matched field to the value, in place. */
  public void update(JsonNode root, JsonNode value) {
    expr.update(root, value);
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<String> splitDoubleDot(String p) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i;
    while ((i = p.indexOf("..", start)) >= 0) {
      parts.add(p.substring(start, i));
      start = i + 2;
    }
    parts.add(p.substring(start));
    return parts;
  }

  private static Expr chain(String part, boolean first, String path) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("Unsupported JSONPath: " + path);
    }
    String[] names = part.split("\\.", -1);
    Expr e = null;
    for (int i = 0; i < names.length; i++) {
      String n = names[i];
      Expr next;
      if (n.equals("$") && first && i == 0) {
        next = new Root();
      } else if (n.isEmpty() || n.contains("[") || n.contains("]") || n.contains("$") || n.contains("@")) {
        throw new IllegalArgumentException("Unsupported JSONPath: " + path);
      } else {
        if ((n.startsWith("'") && n.endsWith("'") || n.startsWith("\"") && n.endsWith("\"")) && n.length() >= 2) {
          n = n.substring(1, n.length() - 1);
        }
        next = new Field(n);
      }
      e = e == null ? next : new Child(e, next);
    }
    if (first && !(e instanceof Root) && !(e instanceof Child c && startsWithRoot(c))) {
      throw new IllegalArgumentException("JSONPath must start with $: " + path);
    }
    return e;
  }

  private static boolean startsWithRoot(Expr e) {
    while (e instanceof Child c) {
      e = c.left;
    }
    return e instanceof Root;
  }

  private sealed interface Expr permits Root, Field, Child, Descendants {
    void find(JsonNode datum, List<JsonNode> out);

    void update(JsonNode data, JsonNode value);
  }

  private record Root() implements Expr {
    @Override
    public void find(JsonNode datum, List<JsonNode> out) {
      out.add(datum);
    }

    @Override
    public void update(JsonNode data, JsonNode value) {
      // replacing the whole document is not something an op can ask for
    }
  }

  private record Field(String name) implements Expr {
    @Override
    public void find(JsonNode datum, List<JsonNode> out) {
      if (!(datum instanceof ObjectNode o)) {
        return;
      }
      if (name.equals("*")) {
        Iterator<JsonNode> it = o.elements();
        while (it.hasNext()) {
          out.add(it.next());
        }
      } else if (o.has(name)) {
        out.add(o.get(name));
      }
    }

    @Override
    public void update(JsonNode data, JsonNode value) {
      if (!(data instanceof ObjectNode o)) {
        return;
      }
      if (name.equals("*")) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          o.set(k, value);
        }
      } else if (o.has(name)) {
        o.set(name, value);
      }
    }
  }

  private record Child(Expr left, Expr right) implements Expr {
    @Override
    public void find(JsonNode datum, List<JsonNode> out) {
      List<JsonNode> lefts = new ArrayList<>();
      left.find(datum, lefts);
      for (JsonNode l : lefts) {
        right.find(l, out);
      }
    }

    @Override
    public void update(JsonNode data, JsonNode value) {
      List<JsonNode> lefts = new ArrayList<>();
      left.find(data, lefts);
      for (JsonNode l : lefts) {
        right.update(l, value);
      }
    }
  }

  private record Descendants(Expr left, Expr right) implements Expr {
    @Override
    public void find(JsonNode datum, List<JsonNode> out) {
      List<JsonNode> lefts = new ArrayList<>();
      left.find(datum, lefts);
      for (JsonNode l : lefts) {
        findRec(l, out);
      }
    }

    private void findRec(JsonNode d, List<JsonNode> out) {
      right.find(d, out);
      if (d instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          findRec(a.get(i), out);
        }
      } else if (d instanceof ObjectNode o) {
        Iterator<JsonNode> it = o.elements();
        while (it.hasNext()) {
          findRec(it.next(), out);
        }
      }
    }

    @Override
    public void update(JsonNode data, JsonNode value) {
      List<JsonNode> lefts = new ArrayList<>();
      left.find(data, lefts);
      for (JsonNode l : lefts) {
        updateRec(l, value);
      }
    }

    private void updateRec(JsonNode d, JsonNode value) {
      if (!d.isContainerNode()) {
        return;
      }
      right.update(d, value);
      if (d instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          updateRec(a.get(i), value);
        }
      } else if (d instanceof ObjectNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          JsonNode child = o.get(k);
          if (child != null) {
            updateRec(child, value);
          }
        }
      }
    }
  }
}
