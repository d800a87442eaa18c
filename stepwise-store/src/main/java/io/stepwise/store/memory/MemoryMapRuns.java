package io.stepwise.store.memory;

import io.stepwise.engine.MapRunRecord;
import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The in-memory store's Map Run rows, by ARN and, newest first, by the execution that runs them.
 * Not thread-safe: {@link InMemoryStore} holds its lock around every call.
 */
final class MemoryMapRuns {
  private static final Comparator<MapRunRecord> NEWEST_FIRST = Comparator.comparingLong(MapRunRecord::startDate).reversed()
      .thenComparing(MapRunRecord::mapRunArn, Comparator.reverseOrder());

  private final Map<String, MapRunRecord> byArn = new HashMap<>();
  private final Map<String, NavigableSet<MapRunRecord>> byExecution = new HashMap<>();

  void put(MapRunRecord run) {
    MapRunRecord old = byArn.put(run.mapRunArn(), run);
    NavigableSet<MapRunRecord> listed = byExecution.computeIfAbsent(run.executionArn(), a -> new TreeSet<>(NEWEST_FIRST));
    if (old != null) {
      listed.remove(old);
    }
    listed.add(run);
  }

  MapRunRecord get(String mapRunArn) {
    return byArn.get(mapRunArn);
  }

  Page<MapRunRecord> of(String executionArn, int limit, String nextToken) {
    NavigableSet<MapRunRecord> listed = byExecution.getOrDefault(executionArn, new TreeSet<>(NEWEST_FIRST));
    NavigableSet<MapRunRecord> from = listed;
    if (nextToken != null) {
      String[] key = PageTokens.decode("mapRuns", nextToken, 2);
      long start = PageTokens.number(key[0], nextToken);
      // a probe with the key's order fields: only startDate and mapRunArn are compared
      MapRunRecord after = new MapRunRecord(key[1], executionArn, "-", io.stepwise.engine.MapRunStatus.RUNNING, start, null, 0, 0, 0, 0, 0, 0, 0);
      from = listed.tailSet(after, false);
    }
    List<MapRunRecord> out = new ArrayList<>();
    for (MapRunRecord r : from) {
      if (out.size() == limit) {
        MapRunRecord last = out.get(out.size() - 1);
        return new Page<>(out, PageTokens.encode("mapRuns", Long.toString(last.startDate()), last.mapRunArn()));
      }
      out.add(r);
    }
    return new Page<>(out, null);
  }

  /** The runs of a purged execution go with it. */
  void deleteOf(String executionArn) {
    NavigableSet<MapRunRecord> listed = byExecution.remove(executionArn);
    if (listed != null) {
      for (MapRunRecord r : listed) {
        byArn.remove(r.mapRunArn());
      }
    }
  }
}
