package io.stepwise.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken opaque: pass it back for the next page; null when this page is the last. A
 *     token from another listing or another store is refused ({@link InvalidPageTokenException}).
 */
public record Page<T>(List<T> items, String nextToken) {
  public Page {
    items = List.copyOf(items);
  }
}
