package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as the JSONata library sees it: a Map that converts a member only when it is read.
 * Key lookups go straight to the Jackson node; iterating or changing the map first copies its
 * members (one level, the members themselves stay lazy) into an ordinary LinkedHashMap.
 *
 * <p>Any change marks the evaluation {@link Evaluation#mutated}, so the result is then converted
 * member by member instead of reusing the node. The one exception is the library's final pass,
 * which replaces JSON null markers with Java null: that changes nothing JSON can see.
 */
final class ObjectView extends AbstractMap<String, Object> {
  final ObjectNode source;
  final Evaluation evaluation;
  private LinkedHashMap<String, Object> members;

  ObjectView(ObjectNode source, Evaluation evaluation) {
    this.source = source;
    this.evaluation = evaluation;
  }

  @Override
  public Object get(Object key) {
    if (members != null) {
      return members.get(key);
    }
    if (!(key instanceof String name)) {
      return null;
    }
    JsonNode member = source.get(name);
    return member == null ? null : JsonataValues.toJsonata(member, evaluation);
  }

  @Override
  public boolean containsKey(Object key) {
    return members != null ? members.containsKey(key) : key instanceof String name && source.has(name);
  }

  @Override
  public int size() {
    return members != null ? members.size() : source.size();
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public Object put(String key, Object value) {
    changed();
    return members().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    changed();
    return members().remove(key);
  }

  @Override
  public void clear() {
    changed();
    members().clear();
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    Set<Map.Entry<String, Object>> entries = members().entrySet();
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        Iterator<Map.Entry<String, Object>> it = entries.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<String, Object> next() {
            return new Member(it.next());
          }

          @Override
          public void remove() {
            changed();
            it.remove();
          }
        };
      }

      @Override
      public int size() {
        return entries.size();
      }
    };
  }

  private LinkedHashMap<String, Object> members() {
    if (members == null) {
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
      for (Map.Entry<String, JsonNode> e : source.properties()) {
        copy.put(e.getKey(), JsonataValues.toJsonata(e.getValue(), evaluation));
      }
      members = copy;
    }
    return members;
  }

  private void changed() {
    if (evaluation != null) {
      evaluation.mutated = true;
    }
  }

  /** An entry whose setValue notes the change, unless it only swaps the null marker for null. */
  private final class Member implements Map.Entry<String, Object> {
    private final Map.Entry<String, Object> entry;

    Member(Map.Entry<String, Object> entry) {
      this.entry = entry;
    }

    @Override
    public String getKey() {
      return entry.getKey();
    }

    @Override
    public Object getValue() {
      return entry.getValue();
    }

    @Override
    public Object setValue(Object value) {
      if (!(value == null && entry.getValue() == Jsonata.NULL_VALUE)) {
        changed();
      }
      return entry.setValue(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e
          && getKey().equals(e.getKey())
          && java.util.Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return entry.hashCode();
    }

    @Override
    public String toString() {
      return entry.toString();
    }
  }
}
