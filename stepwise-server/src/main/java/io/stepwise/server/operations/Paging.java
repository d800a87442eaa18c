package io.stepwise.server.operations;

import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.RequestContext;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One page of a listing: the {@code maxResults} and {@code nextToken} members every List
 * operation reads, and the page it returns with the token for the next one, if any.
 */
public final class Paging {
  /** The page size when maxResults is absent or 0, as AWS documents. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private Paging() {}

  /** maxResults and nextToken as the request gave them. */
  public record Request(Integer maxResults, String nextToken) {
    public static Request read(JsonInput in) {
      return new Request(in.integer("maxResults", Shapes.PAGE_SIZE, false), in.string("nextToken", Shapes.PAGE_TOKEN, false));
    }

    public int size() {
      return maxResults == null || maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    }
  }

  public record Page<T>(List<T> items, String nextToken) {}

  /** The key after which the page starts: null for the first page, else the token's. */
  public static String start(Request request, String scope, Services services, RequestContext context) {
    return request.nextToken() == null ? null : services.pageTokens().resume(request.nextToken(), scope, context.now());
  }

  /**
   * A page from items fetched in order after the start key, at most one more than the page size
   * (that one tells whether a next page exists).
   */
  public static <T> Page<T> page(List<T> fetched, Request request, String scope, Function<T, String> key,
      Services services, RequestContext context) {
    int size = request.size();
    if (fetched.size() <= size) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, size);
    String token = services.pageTokens().issue(scope, key.apply(items.get(size - 1)), context.now());
    return new Page<>(List.copyOf(items), token);
  }

  /**
   * A page of a list held whole (versions, aliases): it starts at the first item that comes after
   * the token's key, so an item deleted between pages does not lose the place.
   */
  public static <T> Page<T> pageOf(List<T> all, Request request, String scope, Function<T, String> key,
      BiPredicate<T, String> comesAfter, Services services, RequestContext context) {
    String after = start(request, scope, services, context);
    int from = 0;
    if (after != null) {
      while (from < all.size() && !comesAfter.test(all.get(from), after)) {
        from++;
      }
    }
    List<T> rest = all.subList(from, all.size());
    return page(rest.subList(0, Math.min(rest.size(), request.size() + 1)), request, scope, key, services, context);
  }
}
