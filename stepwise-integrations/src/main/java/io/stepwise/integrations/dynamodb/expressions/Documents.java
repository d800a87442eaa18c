package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and rewriting items along document paths; items are immutable, so a write copies what it changes. */
public final class Documents {
  private Documents() {}

  /** The value at a path, or null where the item has none. */
  public static AttributeValue get(Map<String, AttributeValue> item, Path path) {
    AttributeValue current = null;
    for (int i = 0; i < path.elements().size(); i++) {
      Path.Element e = path.elements().get(i);
      if (i == 0) {
        current = item.get(((Path.Name) e).name());
      } else if (e instanceof Path.Name n) {
        current = current instanceof AttributeValue.M m ? m.value().get(n.name()) : null;
      } else {
        int idx = ((Path.Index) e).index();
        current = current instanceof AttributeValue.L l && idx < l.value().size() ? l.value().get(idx) : null;
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /**
   * The item with the value set at the path; null when the path cannot be set (its parent is
   * missing or not a map or list). An index past a list's end appends.
   */
  public static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    String top = path.top();
    if (path.isTopLevel()) {
      out.put(top, value);
      return out;
    }
    AttributeValue child = setIn(item.get(top), path.elements(), 1, value);
    if (child == null) {
      return null;
    }
    out.put(top, child);
    return out;
  }

  private static AttributeValue setIn(AttributeValue container, List<Path.Element> elements, int i, AttributeValue value) {
    Path.Element e = elements.get(i);
    boolean last = i == elements.size() - 1;
    if (e instanceof Path.Name n && container instanceof AttributeValue.M m) {
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
      if (last) {
        copy.put(n.name(), value);
      } else {
        AttributeValue inner = setIn(m.value().get(n.name()), elements, i + 1, value);
        if (inner == null) {
          return null;
        }
        copy.put(n.name(), inner);
      }
      return new AttributeValue.M(copy);
    }
    if (e instanceof Path.Index idx && container instanceof AttributeValue.L l) {
      List<AttributeValue> copy = new ArrayList<>(l.value());
      int at = idx.index();
      if (last) {
        if (at >= copy.size()) {
          copy.add(value);
        } else {
          copy.set(at, value);
        }
      } else {
        if (at >= copy.size()) {
          return null;
        }
        AttributeValue inner = setIn(copy.get(at), elements, i + 1, value);
        if (inner == null) {
          return null;
        }
        copy.set(at, inner);
      }
      return new AttributeValue.L(copy);
    }
    return null;
  }

  /** The item without the value at the path (unchanged when there is none). */
  public static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    if (path.isTopLevel()) {
      out.remove(path.top());
      return out;
    }
    AttributeValue top = item.get(path.top());
    if (top == null) {
      return out;
    }
    AttributeValue changed = removeIn(top, path.elements(), 1);
    if (changed != null) {
      out.put(path.top(), changed);
    }
    return out;
  }

  private static AttributeValue removeIn(AttributeValue container, List<Path.Element> elements, int i) {
    Path.Element e = elements.get(i);
    boolean last = i == elements.size() - 1;
    if (e instanceof Path.Name n && container instanceof AttributeValue.M m) {
      if (!m.value().containsKey(n.name())) {
        return null;
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
      if (last) {
        copy.remove(n.name());
      } else {
        AttributeValue inner = removeIn(m.value().get(n.name()), elements, i + 1);
        if (inner == null) {
          return null;
        }
        copy.put(n.name(), inner);
      }
      return new AttributeValue.M(copy);
    }
    if (e instanceof Path.Index idx && container instanceof AttributeValue.L l) {
      if (idx.index() >= l.value().size()) {
        return null;
      }
      List<AttributeValue> copy = new ArrayList<>(l.value());
      if (last) {
        copy.remove(idx.index());
      } else {
        AttributeValue inner = removeIn(copy.get(idx.index()), elements, i + 1);
        if (inner == null) {
          return null;
        }
        copy.set(idx.index(), inner);
      }
      return new AttributeValue.L(copy);
    }
    return null;
  }

  /**
   * The parts of an item the paths name (ProjectionExpression, UPDATED_OLD/NEW): maps keep the
   * named keys, lists the named elements in their order.
   */
  public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Path p : paths) {
      AttributeValue top = item.get(p.top());
      if (top == null) {
        continue;
      }
      if (p.isTopLevel()) {
        out.put(p.top(), top);
        continue;
      }
      AttributeValue picked = pick(top, p.elements(), 1);
      if (picked != null) {
        out.put(p.top(), merge(out.get(p.top()), picked));
      }
    }
    // lists were built from indexes; compact them
    out.replaceAll((k, v) -> compact(v));
    return out;
  }

  /** The value at the path, wrapped in maps and index maps down to it; indexes kept as map keys until compacted. */
  private static AttributeValue pick(AttributeValue container, List<Path.Element> elements, int i) {
    Path.Element e = elements.get(i);
    AttributeValue child;
    String key;
    if (e instanceof Path.Name n && container instanceof AttributeValue.M m) {
      child = m.value().get(n.name());
      key = n.name();
    } else if (e instanceof Path.Index idx && container instanceof AttributeValue.L l && idx.index() < l.value().size()) {
      child = l.value().get(idx.index());
      key = null;
      if (child == null) {
        return null;
      }
      AttributeValue inner = i == elements.size() - 1 ? child : pick(child, elements, i + 1);
      return inner == null ? null : new IndexedList(Map.of(idx.index(), inner)).asValue();
    } else {
      return null;
    }
    if (child == null) {
      return null;
    }
    AttributeValue inner = i == elements.size() - 1 ? child : pick(child, elements, i + 1);
    return inner == null ? null : new AttributeValue.M(Map.of(key, inner));
  }

  private static AttributeValue merge(AttributeValue a, AttributeValue b) {
    if (a == null) {
      return b;
    }
    IndexedList xl = IndexedList.of(a);
    IndexedList yl = IndexedList.of(b);
    if (xl != null && yl != null) {
      java.util.TreeMap<Integer, AttributeValue> m = new java.util.TreeMap<>(xl.elements());
      yl.elements().forEach((k, v) -> m.merge(k, v, Documents::merge));
      return new IndexedList(m).asValue();
    }
    if (a instanceof AttributeValue.M x && b instanceof AttributeValue.M y) {
      Map<String, AttributeValue> m = new LinkedHashMap<>(x.value());
      y.value().forEach((k, v) -> m.merge(k, v, Documents::merge));
      return new AttributeValue.M(m);
    }
    return b;
  }

  private static AttributeValue compact(AttributeValue v) {
    IndexedList list = IndexedList.of(v);
    if (list != null) {
      return new AttributeValue.L(new java.util.TreeMap<>(list.elements()).values().stream().map(Documents::compact).toList());
    }
    if (v instanceof AttributeValue.M m && !(m.value() instanceof IndexedList.Marker)) {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      m.value().forEach((k, x) -> out.put(k, compact(x)));
      return new AttributeValue.M(out);
    }
    return v;
  }

  /** A list being projected: the picked elements by index, carried inside a marked map until compacted. */
  private record IndexedList(Map<Integer, AttributeValue> elements) {
    /** A map type no parsed item uses, so a projected list is told from a projected map. */
    static final class Marker extends LinkedHashMap<String, AttributeValue> {}

    AttributeValue asValue() {
      Marker m = new Marker();
      elements.forEach((k, v) -> m.put(Integer.toString(k), v));
      return new AttributeValue.M(m);
    }

    static IndexedList of(AttributeValue v) {
      if (v instanceof AttributeValue.M m && m.value() instanceof Marker marker) {
        Map<Integer, AttributeValue> out = new java.util.TreeMap<>();
        marker.forEach((k, x) -> out.put(Integer.parseInt(k), x));
        return new IndexedList(out);
      }
      return null;
    }
  }
}
