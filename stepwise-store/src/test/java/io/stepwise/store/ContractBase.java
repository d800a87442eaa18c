package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** What every part of the contract suite stands on: the store under test and the engine that makes its writes. */
public interface ContractBase {
  Store store();

  Machines machines();

  default WriteResult commit(Write w) {
    List<WriteResult> r = store().commit(List.of(w));
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  /** Commits and requires the write to be stored. */
  default void committed(Write w) {
    assertThat(commit(w)).isInstanceOf(WriteResult.Committed.class);
  }

  /** The same events, as the history codec writes them (numbers read back may be other nodes). */
  static void assertSameEvents(List<HistoryEvent> actual, List<HistoryEvent> expected) {
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(HistoryJson.toJson(actual.get(i))).as("event %d", i).isEqualTo(HistoryJson.toJson(expected.get(i)));
    }
  }

  /** Every item of a paged listing, page after page. */
  static <T> List<T> allPages(int limit, BiFunction<Integer, String, Page<T>> listing) {
    List<T> all = new ArrayList<>();
    String token = null;
    do {
      Page<T> page = listing.apply(limit, token);
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      all.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return all;
  }
}
