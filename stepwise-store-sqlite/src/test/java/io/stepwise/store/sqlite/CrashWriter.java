package io.stepwise.store.sqlite;

import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.Driven;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.Machines;
import io.stepwise.store.WriteResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The child JVM of {@link CrashTest}: commits executions through the group committer from several
 * threads until it is killed, printing {@code ACK arn events} for each write once its future has
 * completed, that is once it is durable. Every second execution has a task, answered by a second
 * step, so the file holds both one-step and two-step executions when the kill comes.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
    ReentrantLock printing = new ReentrantLock();
    Machines machines = new Machines();
    SqliteStore store = SqliteStore.open(file);
    GroupCommitter committer = new GroupCommitter(store, 10_000, 500);
    out.println("READY");
    out.flush();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread.ofPlatform().daemon(false).start(() -> {
        for (long i = 0; ; i++) {
          boolean withTask = i % 2 == 1;
          Driven d = machines.driven("Crash", withTask ? Machines.TASK : Machines.PASS, "t" + thread + "-" + i, "{\"amount\":" + i + "}");
          try {
            ack(out, printing, committer.submit(d.start(1_000 + i)).get(), d);
            if (withTask) {
              long task = d.command(Command.ScheduleTask.class).scheduledEventId();
              ack(out, printing, committer.submit(d.step(new StepInput.TaskSucceeded(task, io.stepwise.asl.json.Json.NODES.numberNode(i)))).get(), d);
            }
          } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
          }
        }
      });
    }
  }

  private static void ack(PrintStream out, ReentrantLock printing, WriteResult r, Driven d) {
    if (!(r instanceof WriteResult.Committed c)) {
      throw new IllegalStateException("not committed: " + r);
    }
    printing.lock();
    try {
      out.println("ACK " + d.arn() + " " + c.events());
      out.flush();
    } finally {
      printing.unlock();
    }
  }
}
