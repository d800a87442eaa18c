package io.stepwise.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Page;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import io.stepwise.store.WorkRow;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runtime takes up from the store after a start ({@link DurableRuntime#recover}): the
 * activity tasks no worker took are offered again, the tasks whose outcome is not stored are
 * invoked again (at least once; a callback task handed on, TaskSubmitted, only waits), and the work rows are taken up. Timers need nothing here.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);
  private static final int PAGE = 1000;

  private final DurableRuntime runtime;
  private final Store store;

  Recovery(DurableRuntime runtime, Store store) {
    this.runtime = runtime;
    this.store = store;
  }

  void run() {
    int taskCount = 0;
    String token = null;
    do {
      Page<TaskRow> page = store.tasks(PAGE, token);
      for (TaskRow t : page.items()) {
        Command.ScheduleTask task = t.scheduleTask();
        if (t.activityArn() != null) {
          if (!t.started()) {
            runtime.activities.offer(t.activityArn(),
                new ActivityQueues.Offer(t.executionArn(), t.taskToken(), Json.write(task.request().input())));
          }
        } else if (task.isCallback() && t.started()) {
          // handed on before the crash (TaskSubmitted): its message is out, its callback is awaited
        } else if (!task.waitsForCallback() || runtime.engine().answers(task)) {
          runtime.dispatch(t.executionArn(), task);
        }
        taskCount++;
      }
      token = page.nextToken();
    } while (token != null);
    int workCount = work();
    log.info("Recovered {} tasks and {} other items of work; the stored timers are read as they come due", taskCount, workCount);
  }

  /**
   * The work rows: work a step left (Continue) is delivered, and so is a stop a parent gave its
   * child; for each child a parent waits for, a running one is linked to its parent for its end,
   * and for one not yet created or ended the parent is woken: its restore finds the child
   * outstanding and creates it, redrives it (a redrive of its Map Run asked for, not yet made) or
   * delivers its end (the crash came between the child's last step and the parent's receipt of it).
   */
  private int work() {
    int count = 0;
    Set<String> woken = new HashSet<>();
    String token = null;
    do {
      Page<WorkRow> page = store.work(PAGE, token);
      for (WorkRow w : page.items()) {
        count++;
        String child = w.childArn();
        if (WorkRow.STOP.equals(w.item())) {
          runtime.deliver(w.executionArn(), new StepInput.Stop(null, null)); // its parent stopped it
          continue;
        }
        if (child == null) {
          runtime.deliver(w.executionArn(), new StepInput.Continue());
          continue;
        }
        Optional<ExecutionRow> row = store.execution(child);
        if (row.isPresent() && row.get().status() == ExecutionStatus.RUNNING) {
          runtime.parents.put(child, w.executionArn());
        } else if (woken.add(w.executionArn())) {
          // a child not created, or ended: only its parent knows whether the end it waits for is
          // that one or a redrive's still to come (its restore finds the child outstanding)
          runtime.offer(w.executionArn(), null).whenComplete((s, e) -> {
            if (e != null && !(e instanceof Refusal)) {
              log.warn("{} could not be woken to take up its children: {}", w.executionArn(), e.toString());
            }
          });
        }
      }
      token = page.nextToken();
    } while (token != null);
    return count;
  }

  /** A child's end, as its stored row says it ended. */
  static StepInput.ChildExecutionEnded ended(ExecutionRow child) {
    JsonNode output = null;
    if (child.output() != null) {
      try {
        output = Json.parse(child.output());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("The stored output of " + child.executionArn() + " is not JSON", e);
      }
    }
    return new StepInput.ChildExecutionEnded(child.executionArn(), child.status(), output, child.error(), child.cause(), child.redriveCount());
  }
}
