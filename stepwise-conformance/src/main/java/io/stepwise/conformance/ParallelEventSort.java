package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code parallel_events_sorted} op: Parallel branches interleave their events
 * nondeterministically, so the recording sorted them into a stable order.
 */
final class ParallelEventSort {
  private static final JsonPathLite EVENTS = JsonPathLite.parse("$..events");

  private ParallelEventSort() {}

  /** Sorts every {@code events} array in the value. */
  static void sortAll(ObjectNode obj) {
    for (JsonNode m : EVENTS.find(obj)) {
      if (m instanceof ArrayNode a) {
        sortParallelEvents(a);
      }
    }
  }

  /**
   * Sorts the events between ParallelStateStarted and the Parallel state's end by their JSON
   * text, after setting their ids to [0] and previous ids to 0; a faithful port, including
   * that the sorted range is written back again at ParallelStateExited (which drops one event).
   */
  static void sortParallelEvents(ArrayNode events) {
    Integer startIdx = null;
    List<JsonNode> sublist = new ArrayList<>();
    boolean inSub = false;
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      JsonNode typeNode = e instanceof ObjectNode ? e.get("type") : null;
      if (typeNode == null || typeNode.isNull()) {
        inSub = false;
        continue;
      }
      String t = typeNode.isTextual() ? typeNode.textValue() : null;
      if ("ParallelStateSucceeded".equals(t) || "ParallelStateAborted".equals(t) || "ParallelStateExited".equals(t)
          || "ParallelStateFailed".equals(t)) {
        if (startIdx != null) {
          List<JsonNode> sorted = new ArrayList<>(sublist);
          sorted.sort((a, b) -> PyJson.compareCodePoints(PyJson.dumps(a), PyJson.dumps(b)));
          assignSlice(events, startIdx, i, sorted);
        }
        inSub = false;
      } else if ("ParallelStateStarted".equals(t)) {
        inSub = true;
        sublist = new ArrayList<>();
        startIdx = i + 1;
      } else if (inSub) {
        ObjectNode o = (ObjectNode) e;
        o.set("id", PyJson.nodes().arrayNode().add(0));
        o.put("previousEventId", 0);
        sublist.add(e);
      }
    }
  }

  /** Python's {@code list[a:b] = items}. */
  private static void assignSlice(ArrayNode list, int a, int b, List<JsonNode> items) {
    int n = list.size();
    int from = Math.min(Math.max(a, 0), n);
    int to = Math.min(Math.max(b, from), n);
    List<JsonNode> all = new ArrayList<>(n - (to - from) + items.size());
    for (int i = 0; i < from; i++) {
      all.add(list.get(i));
    }
    all.addAll(items);
    for (int i = to; i < n; i++) {
      all.add(list.get(i));
    }
    list.removeAll();
    list.addAll(all);
  }
}
