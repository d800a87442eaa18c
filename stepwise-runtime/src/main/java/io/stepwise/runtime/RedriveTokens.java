package io.stepwise.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RedriveExecution's idempotency, as AWS documents it: the same answer again for any of the last
 * 10 client tokens that redrove an execution, for 15 minutes after each was first used. Kept in
 * memory (a restart forgets them), for the most recently redriven executions.
 */
final class RedriveTokens {
  static final int PER_EXECUTION = 10;
  static final long VALID_MILLIS = 15 * 60 * 1000L;
  private static final int EXECUTIONS = 10_000;

  private record Used(String token, long redriveDate, long firstUsed) {}

  private final Map<String, Deque<Used>> byExecution = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Used>> eldest) {
      return size() > EXECUTIONS;
    }
  };

  /** The redrive date the token got for this execution, if it is still valid; else null. */
  synchronized Long earlier(String executionArn, String token, long now) {
    if (token == null) {
      return null;
    }
    Deque<Used> used = byExecution.get(executionArn);
    if (used == null) {
      return null;
    }
    for (Iterator<Used> it = used.iterator(); it.hasNext(); ) {
      Used u = it.next();
      if (now - u.firstUsed() > VALID_MILLIS) {
        it.remove();
      } else if (u.token().equals(token)) {
        return u.redriveDate();
      }
    }
    return null;
  }

  synchronized void remember(String executionArn, String token, long redriveDate, long now) {
    if (token == null) {
      return;
    }
    Deque<Used> used = byExecution.computeIfAbsent(executionArn, a -> new ArrayDeque<>(PER_EXECUTION));
    used.addFirst(new Used(token, redriveDate, now));
    while (used.size() > PER_EXECUTION) {
      used.removeLast();
    }
  }
}
