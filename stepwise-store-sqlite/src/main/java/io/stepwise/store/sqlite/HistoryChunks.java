package io.stepwise.store.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * How a step's events are cut into the rows of {@code event_chunks}: consecutive events, at most
 * {@link #MAX_EVENTS} of them and about {@link #MAX_CHARS} of text in one chunk (a single larger
 * event is a chunk of its own), so that a page of history never parses much more than it returns.
 * A chunk's text is its events' JSON objects joined by commas.
 */
final class HistoryChunks {
  /** The most events in one chunk; a page starting inside a chunk begins at most this far back. */
  static final int MAX_EVENTS = 64;
  static final int MAX_CHARS = 64 * 1024;

  private HistoryChunks() {}

  /** The end (exclusive) of each chunk of {@code texts}, in order. */
  static List<Integer> ends(List<String> texts) {
    List<Integer> ends = new ArrayList<>(1 + texts.size() / MAX_EVENTS);
    int from = 0;
    long chars = 0;
    for (int i = 0; i < texts.size(); i++) {
      int length = texts.get(i).length();
      if (i > from && (i - from == MAX_EVENTS || chars + length > MAX_CHARS)) {
        ends.add(i);
        from = i;
        chars = 0;
      }
      chars += length + 1;
    }
    if (from < texts.size()) {
      ends.add(texts.size());
    }
    return ends;
  }

  /** The text of the chunk {@code [from, to)}. */
  static String join(List<String> texts, int from, int to) {
    if (to - from == 1) {
      return texts.get(from);
    }
    int size = to - from;
    for (int i = from; i < to; i++) {
      size += texts.get(i).length();
    }
    StringBuilder b = new StringBuilder(size);
    for (int i = from; i < to; i++) {
      if (i > from) {
        b.append(',');
      }
      b.append(texts.get(i));
    }
    return b.toString();
  }
}
