package io.stepwise.store.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history event as the text a store keeps, one per event: what {@code HistoryJson} writes (the
 * event as GetExecutionHistory returns it), read back by {@code HistoryReader}.
 */
public final class HistoryText {
  private HistoryText() {}

  /** The texts of a step's events, each value they share written once. */
  public static List<String> encode(List<HistoryEvent> events) {
    Map<JsonNode, String> shared = new IdentityHashMap<>();
    String[] texts = new String[events.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = Json.write(HistoryJson.toJson(events.get(i), shared));
    }
    return List.of(texts);
  }

  /** The events of stored texts, in the order given; a text that does not read names the event. */
  public static List<HistoryEvent> decode(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    // one parse of the joined texts rather than one per event: they are JSON objects each
    StringBuilder array = new StringBuilder(texts.size() * 256).append('[');
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        array.append(',');
      }
      array.append(texts.get(i));
    }
    JsonNode events;
    try {
      events = Json.parse(array.append(']').toString());
    } catch (JsonProcessingException e) {
      throw new CodecException("a stored history is not valid JSON: " + Json.problem(e));
    }
    return HistoryReader.read(events);
  }
}
