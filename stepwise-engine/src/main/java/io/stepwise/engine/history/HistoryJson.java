package io.stepwise.engine.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** STUB */
public final class HistoryJson {
  public static ArrayNode toJson(List<HistoryEvent> events) {
    throw new UnsupportedOperationException("TODO");
  }
}
