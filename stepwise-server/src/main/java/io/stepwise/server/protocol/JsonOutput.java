package io.stepwise.server.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a response body, or one structure inside it. Absent (null) members are left out, as
 * AWS leaves them out. Timestamps are what the AWS JSON 1.0 protocol sends: epoch seconds as a
 * JSON number, here with millisecond precision ({@code 1700000000.123}).
 */
public final class JsonOutput {
  private final ObjectNode node;

  private JsonOutput(ObjectNode node) {
    this.node = node;
  }

  public static JsonOutput create() {
    return new JsonOutput(JsonNodeFactory.instance.objectNode());
  }

  public ObjectNode node() {
    return node;
  }

  public JsonOutput string(String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
    return this;
  }

  public JsonOutput integer(String member, Integer value) {
    if (value != null) {
      node.put(member, value);
    }
    return this;
  }

  public JsonOutput longInteger(String member, Long value) {
    if (value != null) {
      node.put(member, value);
    }
    return this;
  }

  public JsonOutput decimal(String member, Double value) {
    if (value != null) {
      node.put(member, value);
    }
    return this;
  }

  public JsonOutput bool(String member, Boolean value) {
    if (value != null) {
      node.put(member, value);
    }
    return this;
  }

  public JsonOutput timestamp(String member, Instant value) {
    if (value != null) {
      node.put(member, epochSeconds(value));
    }
    return this;
  }

  /** A nested structure written by {@code body}; left out when {@code value} is null. */
  public <T> JsonOutput structure(String member, T value, BiConsumer<T, JsonOutput> body) {
    if (value != null) {
      JsonOutput child = new JsonOutput(node.putObject(member));
      body.accept(value, child);
    }
    return this;
  }

  /** A list of structures, each written by {@code body}; an empty list is written as []. */
  public <T> JsonOutput list(String member, Collection<T> values, BiConsumer<T, JsonOutput> body) {
    if (values != null) {
      ArrayNode array = node.putArray(member);
      for (T v : values) {
        body.accept(v, new JsonOutput(array.addObject()));
      }
    }
    return this;
  }

  /** A map of string lists (e.g. variableReferences); left out when null or empty. */
  public JsonOutput stringLists(String member, Map<String, List<String>> values) {
    if (values != null && !values.isEmpty()) {
      ObjectNode map = node.putObject(member);
      values.forEach((k, list) -> {
        ArrayNode array = map.putArray(k);
        list.forEach(array::add);
      });
    }
    return this;
  }

  /** Epoch seconds with milliseconds as a decimal, e.g. 1700000000.123. */
  public static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3);
  }
}
