package io.stepwise.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.PageTokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every execution listing (ListExecutions' and the console's) is a range of an index in the order
 * it pages: SQLite's plan for it searches an index and sorts nothing, so a page costs a page of
 * rows whether the store holds a thousand executions or a million (the figures: docs/benchmarks.md).
 */
class ListingPlanTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:111111111111:stateMachine:Orders";

  @TempDir Path dir;

  static Stream<ExecutionQuery> listings() {
    String token = PageTokens.encode("executions", "5000", MACHINE.replace("stateMachine", "execution") + ":e");
    List<ExecutionQuery> out = new ArrayList<>();
    for (ExecutionQuery base : List.of(ExecutionQuery.all(), ExecutionQuery.stateMachine(MACHINE),
        ExecutionQuery.of(ExecutionQuery.Scope.MAP_RUN, MACHINE.replace("stateMachine", "mapRun") + "/Map:r").withExpress(true))) {
      for (ExecutionStatus status : new ExecutionStatus[] {null, ExecutionStatus.FAILED, ExecutionStatus.SUCCEEDED}) {
        ExecutionQuery q = base.withStatus(status);
        out.add(q);
        out.add(q.startedBetween(1_000L, 9_000L).after(token));
      }
    }
    out.add(ExecutionQuery.of(ExecutionQuery.Scope.VERSION, MACHINE + ":3"));
    out.add(ExecutionQuery.of(ExecutionQuery.Scope.ALIAS, MACHINE + ":live").startedBetween(null, 9_000L));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("listings")
  void aListingIsAnIndexRangeWithNoSort(ExecutionQuery q) throws Exception {
    Path file = dir.resolve("plan.db");
    SqliteStore.open(file).close(); // the schema, migrated
    List<String> plan = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + ExecutionReads.listing(q))) {
      int parameters = s.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= parameters; i++) {
        s.setString(i, "x"); // the plan depends on which columns are bound, not on the values
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          plan.add(r.getString("detail"));
        }
      }
    }
    assertThat(plan).as("plan of %s", ExecutionReads.listing(q)).hasSize(1);
    assertThat(plan.get(0)).startsWith("SEARCH executions USING INDEX executions_by_");
    if (q.status() != null && q.status() != ExecutionStatus.SUCCEEDED && q.scope() != ExecutionQuery.Scope.MAP_RUN) {
      assertThat(plan.get(0)).as("the status is a column of the index").contains("status=?");
    }
    if (q.nextToken() != null || q.startedBefore() != null) {
      assertThat(plan.get(0)).as("the page starts where the token (or the range) says, in the index").contains("(start_date,arn)<(?,?)");
    }
    if (q.startedFrom() != null) {
      assertThat(plan.get(0)).as("and ends where the range does").contains("start_date>?");
    }
  }
}
