package io.stepwise.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.Machines;
import io.stepwise.store.TaskRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of group commits: a child JVM commits in a loop and says which writes
 * were acknowledged; it is killed at once (SIGKILL, no shutdown hook, no close), and the reopened
 * file must hold every acknowledged write and nothing half-written.
 */
class CrashTest {
  @TempDir
  Path dir;

  @Test
  void aKilledWriterLosesNoAcknowledgedWriteAndLeavesNoneHalfWritten() throws Exception {
    Path file = dir.resolve("crash.db");
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), file.toString(), "4")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, Long> acked = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("READY");
      String line;
      while ((line = out.readLine()) != null && acked.size() < 600) {
        String[] parts = line.split(" ");
        assertThat(parts[0]).isEqualTo("ACK");
        acked.merge(parts[1], Long.parseLong(parts[2]), Math::max);
      }
      assertThat(child.isAlive()).as("still committing when killed").isTrue();
      child.destroyForcibly(); // SIGKILL: whatever commit is in flight stops where it is
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    } finally {
      child.destroyForcibly();
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(600);

    try (SqliteStore store = SqliteStore.open(file)) {
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        ExecutionRow row = store.execution(a.getKey()).orElse(null);
        assertThat(row).as("acknowledged %s", a.getKey()).isNotNull();
        assertThat(row.events()).as("acknowledged events of %s", a.getKey()).isGreaterThanOrEqualTo(a.getValue());
      }
      // every execution in the file is whole: its row, its events and its rows agree
      List<ExecutionSummary> all = new ArrayList<>();
      String token = null;
      do {
        var page = store.executions(ExecutionQuery.stateMachine(Machines.machineArn("Crash")).withLimit(500).after(token));
        all.addAll(page.items());
        token = page.nextToken();
      } while (token != null);
      assertThat(all.size()).isGreaterThanOrEqualTo(acked.size());
      Set<String> withTask = new HashSet<>();
      for (TaskRow t : allTasks(store)) {
        withTask.add(t.executionArn());
      }
      for (ExecutionSummary s : all) {
        ExecutionRow row = store.execution(s.executionArn()).orElseThrow();
        List<HistoryEvent> history = store.history(s.executionArn());
        assertThat(history).as("history of %s", s.executionArn()).hasSize((int) row.events());
        for (int i = 0; i < history.size(); i++) {
          assertThat(history.get(i).id()).isEqualTo(i + 1);
        }
        if (row.status() == ExecutionStatus.SUCCEEDED) {
          assertThat(history.get(history.size() - 1).type()).isEqualTo(EventType.ExecutionSucceeded);
          assertThat(withTask).doesNotContain(s.executionArn());
        } else {
          assertThat(row.status()).isEqualTo(ExecutionStatus.RUNNING);
          assertThat(withTask).as("the task row of the running %s", s.executionArn()).contains(s.executionArn());
        }
      }
    }
  }

  private static List<TaskRow> allTasks(SqliteStore store) {
    List<TaskRow> all = new ArrayList<>();
    String token = null;
    do {
      var page = store.tasks(500, token);
      all.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return all;
  }
}
