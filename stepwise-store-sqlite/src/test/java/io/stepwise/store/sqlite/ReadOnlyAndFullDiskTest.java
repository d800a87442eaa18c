package io.stepwise.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.store.Driven;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.Machines;
import io.stepwise.store.NewExecution;
import io.stepwise.store.StoreException;
import io.stepwise.store.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be written fails its commits plainly and keeps what it had. */
class ReadOnlyAndFullDiskTest {
  @TempDir
  Path dir;
  final Machines machines = new Machines();

  @AfterEach
  void closeEngine() {
    machines.engine.close();
  }

  private NewExecution start(String name, String input) {
    return machines.driven("Orders", Machines.PASS, name, input).start(1_000);
  }

  @Test
  void aReadOnlyStoreServesReadsAndRefusesCommitsWithAClearException() {
    Path file = dir.resolve("s.db");
    Driven kept = machines.driven("Orders", Machines.TASK, "kept", "{\"amount\":1}");
    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.commit(List.of(kept.start(1_000), start("closed", "{}")))).allMatch(WriteResult::committed);
    }
    try (SqliteStore store = SqliteStore.open(file, SqliteStoreOptions.defaults().withReadOnly(true))) {
      assertThat(store.execution(kept.arn())).isPresent();
      assertThat(store.history(kept.arn())).hasSize((int) kept.events());
      assertThat(store.tasks(10, null).items()).hasSize(1);
      NewExecution refused = start("new", "{}");
      assertThatThrownBy(() -> store.commit(List.of(refused))).isInstanceOf(StoreException.class)
          .hasMessageContaining("could not commit: the database is read-only")
          .hasMessageContaining("nothing of this batch was stored, and what was committed before is intact");
      // a purge with something to delete is a write too
      assertThatThrownBy(() -> store.purge(Long.MAX_VALUE)).isInstanceOf(StoreException.class).hasMessageContaining("read-only");
      assertThat(store.execution(refused.executionArn())).isEmpty();
      assertThat(store.execution(kept.arn())).isPresent();
    }
    assertThatThrownBy(() -> SqliteStore.open(dir.resolve("missing.db"), SqliteStoreOptions.defaults().withReadOnly(true)))
        .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
  }

  @Test
  void aFullDatabaseFailsTheCommitWholeAndKeepsWhatWasCommitted() throws Exception {
    Path file = dir.resolve("s.db");
    String big = "{\"pad\":\"" + "x".repeat(2_000) + "\"}";
    List<String> committed = new ArrayList<>();
    StoreException full = null;
    try (SqliteStore store = SqliteStore.open(file, SqliteStoreOptions.defaults().withMaxDatabaseBytes(512 * 1024))) {
      for (int i = 0; i < 1_000 && full == null; i++) {
        // batches of three: the one that does not fit must leave none of its three behind
        List<NewExecution> batch = List.of(start("a" + i, big), start("b" + i, big), start("c" + i, big));
        try {
          assertThat(store.commit(batch)).allMatch(WriteResult::committed);
          batch.forEach(n -> committed.add(n.executionArn()));
        } catch (StoreException e) {
          full = e;
          for (NewExecution n : batch) {
            assertThat(store.execution(n.executionArn())).as("none of the failed batch").isEmpty();
          }
        }
      }
      assertThat(full).as("the size limit was reached").isNotNull();
      assertThat(full).hasMessageContaining("could not commit: the database is full").hasMessageContaining("SQLITE_FULL");
      assertThat(committed).isNotEmpty();
      for (String arn : committed) {
        assertThat(store.execution(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      }
      // the writer goes on after the failure: a write that needs no room is answered
      NewExecution again = start(committed.get(0).substring(committed.get(0).lastIndexOf(':') + 1), "{}");
      assertThat(store.commit(List.of(again)).get(0)).isInstanceOf(WriteResult.Refused.class);
      // and a small batch that fits in what is left commits whole, as one transaction
      List<NewExecution> small = List.of(start("small-1", "{}"), start("small-2", "{}"));
      assertThat(store.commit(small)).allMatch(WriteResult::committed);
      small.forEach(n -> committed.add(n.executionArn()));
      // through the group committer the caller's future fails with the same exception
      try (GroupCommitter committer = new GroupCommitter(store, 10, 10)) {
        // an execution whose history alone is larger than the whole limit
        var future = committer.submit(start("late", "{\"pad\":\"" + "x".repeat(100_000) + "\"}"));
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(StoreException.class);
      }
    }
    // without the limit the same file takes writes again, and holds all it held
    try (SqliteStore store = SqliteStore.open(file)) {
      for (String arn : committed) {
        assertThat(store.history(arn)).isNotEmpty();
      }
      assertThat(store.commit(List.of(start("after", big)))).allMatch(WriteResult::committed);
    }
  }
}
