package io.stepwise.server.operations.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.runtime.Refusal;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.store.ExecutionRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nested executions: {@code arn:aws:states:::states:startExecution} (request-response: the child's
 * ARN and start date), {@code .sync} and {@code .sync:2} (the task ends when the child does, with
 * DescribeExecution's answer in PascalCase, its Input and Output as JSON text for .sync and parsed
 * for .sync:2; a child that does not succeed fails the task with States.TaskFailed and that answer
 * as the cause) and {@code .waitForTaskToken} (the child is started, and the task waits for
 * SendTaskSuccess with the token its input carries). A Standard child of a .sync task is started
 * and the task handed on (TaskSubmitted); when the child ends the runtime tells this handler
 * ({@link #ended}) and the parent's task is answered by its token, from a link kept on disk
 * ({@link NestedLinks}) so that a restart in between loses nothing. An Express child of a .sync
 * task runs to its end within the call, as StartSyncExecution runs one.
 *
 * <p>A .sync task that ends before its Standard child (the parent stopped or failed elsewhere, a
 * Parallel sibling failed, the task timed out) stops the child, as AWS does with StopExecution
 * ({@link #cancel}): ABORTED, with {@link #STOP_CAUSE}'s words. The link stays until the child has
 * ended, and a restart stops every linked child whose parent's task no longer waits, so a crash
 * between the parent's step and the child's stop loses nothing. A {@code .waitForTaskToken} child
 * is left running (AWS documents the stop for .sync only), and so is an Express child (it cannot
 * be stopped).
 *
 * <p>A child's name, when the parameters give none, is made from the parent's ARN, the state's
 * name, when it was entered and its retry count: a task invoked again after a crash starts the
 * same child, which StartExecution's idempotency then returns.
 */
public final class NestedExecutions implements TaskHandler {
  private static final Logger log = LoggerFactory.getLogger(NestedExecutions.class);

  /**
   * The cause a stopped child records (no error): the reason AWS gives a Batch job it terminates
   * for an aborted .sync task, worded for an execution (inferred; AWS documents the StopExecution
   * call but not its error and cause).
   */
  static final String STOP_CAUSE = "The Task state in AWS Step Functions execution [%s] which was managing this resource was aborted";

  private final NestedLinks links;
  private final java.util.concurrent.CountDownLatch isReady = new java.util.concurrent.CountDownLatch(1);
  private volatile Executions ready;

  /**
   * Made before the engine (it is one of its handlers), and told the execution side once the
   * server is built ({@link #ready}); a task invoked before then (a restart's recovery) waits.
   *
   * @param linksFile where the links are kept, or null to keep them in memory
   */
  public NestedExecutions(Path linksFile) {
    this.links = new NestedLinks(linksFile);
  }

  /** The execution side once the server is built, waiting for it (up to a minute) if need be. */
  private Executions awaitReady() {
    try {
      if (!isReady.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new TaskFailure("States.TaskFailed", "The server's executions were not ready within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskFailure("States.TaskFailed", "Interrupted while waiting for the server's executions");
    }
    return ready;
  }

  /**
   * The execution side, built: listens for the ends of children and answers the parents of those
   * that ended while the server was down (or before their parents' step was stored).
   */
  public void ready(Executions ex) {
    this.ready = ex;
    isReady.countDown();
    ex.runtime.onEnded(arn -> {
      if (links.get(arn) != null) {
        Thread.ofVirtual().name("nested-end").start(() -> answerParent(arn)); // not on the child's own commit path
      }
    });
    links.all().forEach((child, link) -> {
      ExecutionRow row = ex.store.execution(child).orElse(null);
      if (row != null && row.status() != ExecutionStatus.RUNNING) {
        answerParent(child);
      } else if (!awaited(ex, link.token())) {
        // the parent's task ended (stopped, timed out) and the server died before its child was stopped
        if (row == null) {
          links.remove(child);
        } else {
          stopChild(ex, child, link);
        }
      }
    });
  }

  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    return resource.type() == ResourceArn.Type.SERVICE && "states".equals(resource.resourceType())
        && resource.resource().startsWith("startExecution");
  }

  @Override
  public boolean submits(ResourceArn resource, TaskRequest request) {
    String pattern = pattern(resource);
    if (pattern.equals(".waitForTaskToken")) {
      return true;
    }
    if (!pattern.startsWith(".sync")) {
      return false;
    }
    try {
      return !Executions.isExpress(awaitReady().target(text(request.input(), "StateMachineArn")));
    } catch (RuntimeException unknown) {
      return false; // the call fails, naming what is wrong
    }
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) {
    Executions ex = awaitReady();
    String pattern = pattern(resource);
    JsonNode params = request.input() == null ? Json.NODES.objectNode() : request.input();
    String arn = text(params, "StateMachineArn");
    JsonNode in = params.get("Input");
    String input = in == null || in.isNull() ? "{}" : in.isTextual() ? in.textValue() : Json.write(in);
    String name = params.path("Name").isTextual() ? params.path("Name").textValue() : defaultName(request);
    StartExecution.Request start = new StartExecution.Request(arn, name, input, null);
    RequestContext context = new RequestContext(UUID.randomUUID().toString(), Instant.ofEpochMilli(ex.runtime.clock().millis()));
    try {
      if (pattern.startsWith(".sync") && Executions.isExpress(ex.target(arn))) {
        StartSyncExecution.Result r = new StartSyncExecution(ex).handle(start, context);
        ObjectNode out = describe(r.r().executionArn(), r.stateMachineArn(), r.name(), r.input(), r.r().status(),
            r.r().status() == ExecutionStatus.SUCCEEDED ? Json.write(r.r().output()) : null, r.r().error(), r.r().cause(), r.start(), r.stop(),
            pattern.equals(".sync:2"));
        if (r.r().status() != ExecutionStatus.SUCCEEDED) {
          throw new TaskFailure("States.TaskFailed", Json.write(out));
        }
        return out;
      }
      StartExecution.Result started = pattern.startsWith(".sync")
          ? uninterruptibly(() -> startLinked(ex, start, context, request, pattern.equals(".sync:2")))
          : new StartExecution(ex).handle(start, context);
      return Json.NODES.objectNode().put("ExecutionArn", started.executionArn()).put("StartDate", started.startDate().toEpochMilli());
    } catch (ApiException e) {
      String code = e.code().endsWith("Exception") ? e.code() : e.code() + "Exception";
      throw new TaskFailure("StepFunctions." + code, e.getMessage() + " (Service: AWSStepFunctions; Status Code: " + e.status()
          + "; Error Code: " + e.code() + "; Request ID: " + context.requestId() + "; Proxy: null)");
    }
  }

  /**
   * A Standard child of a .sync task, linked to the task before it starts. If the task ended
   * meanwhile (its CancelTask may have looked for the child before it existed), the child is
   * stopped here; if it ended within its start, its parent is answered.
   */
  private StartExecution.Result startLinked(Executions ex, StartExecution.Request start, RequestContext context, TaskRequest request,
      boolean parsed) {
    String childArn = ex.target(start.stateMachineArn()).machine().arn().replace(":stateMachine:", ":execution:") + ":" + start.name();
    NestedLinks.Link link = new NestedLinks.Link(request.taskToken(), parsed, request.executionArn());
    links.put(childArn, link);
    StartExecution.Result started;
    try {
      started = new StartExecution(ex).handle(start, context);
    } catch (RuntimeException e) {
      if (ex.store.execution(childArn).isEmpty()) {
        links.remove(childArn);
      }
      throw e;
    }
    ExecutionStatus status = ex.store.execution(childArn).map(ExecutionRow::status).orElse(ExecutionStatus.RUNNING);
    if (status != ExecutionStatus.RUNNING) {
      Thread.ofVirtual().name("nested-end").start(() -> answerParent(childArn)); // it ended within its start
    } else if (!awaited(ex, link.token())) {
      stopChild(ex, childArn, link);
    }
    return started;
  }

  /**
   * The .sync task ended without its child's end (its execution stopped or failed, a sibling
   * failed, it timed out): the child is stopped, as AWS calls StopExecution for an aborted
   * startExecution.sync task. Its end then finds no task waiting, and its link goes.
   */
  @Override
  public void cancel(ResourceArn resource, TaskRequest request) {
    if (!pattern(resource).startsWith(".sync") || request.taskToken() == null) {
      return;
    }
    String child = links.childOf(request.taskToken());
    NestedLinks.Link link = child == null ? null : links.get(child);
    if (link != null) {
      stopChild(awaitReady(), child, link);
    }
  }

  /** StopExecution of a linked child, for its parent's task that ended; one that ended or is not there yet is left (see startLinked). */
  private void stopChild(Executions ex, String childArn, NestedLinks.Link link) {
    try {
      ex.runtime.stop(childArn, null, STOP_CAUSE.formatted(link.parent() == null ? "" : link.parent()));
    } catch (Refusal r) {
      if (r.kind() != Refusal.Kind.EXECUTION_ENDED && r.kind() != Refusal.Kind.EXECUTION_DOES_NOT_EXIST) {
        log.warn("Stopping {}, whose parent's task ended, was refused; it is tried again after a restart: {}", childArn, r.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("Stopping {}, whose parent's task ended, failed; it is tried again after a restart: {}", childArn, e.toString());
    }
  }

  /** Whether a task still waits for this token (the .sync task's row, deleted with the step that ends it). */
  private static boolean awaited(Executions ex, String token) {
    return ex.store.taskToken(token).isPresent();
  }

  /**
   * Runs the work to its end on a thread of its own even if this one is interrupted (its task was
   * cancelled): a child's start and its link are not abandoned halfway, and the cancel then finds
   * the child to stop. The interrupt is kept for the caller.
   */
  private static <T> T uninterruptibly(java.util.function.Supplier<T> work) {
    try {
      return java.util.concurrent.CompletableFuture.supplyAsync(work, r -> Thread.ofVirtual().name("nested-start").start(r)).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** The child ended: its parent's task is answered by its token, then the link goes. */
  private void answerParent(String childArn) {
    NestedLinks.Link link = links.get(childArn);
    Executions ex = ready;
    if (link == null || ex == null) {
      return;
    }
    ExecutionRow row = ex.store.execution(childArn).orElse(null);
    if (row == null || row.status() == ExecutionStatus.RUNNING) {
      return;
    }
    ObjectNode out = describe(row.executionArn(), row.record().stateMachineArn(), row.record().executionName(), row.input(), row.status(),
        row.output(), row.error(), row.cause(), row.startDate(), row.stopDate() == null ? row.startDate() : row.stopDate(), link.parsed());
    RedriveStatus redrive = RedriveStatus.of(row, ex.runtime.clock().millis());
    out.put("RedriveCount", row.redriveCount()).put("RedriveStatus", redrive.status());
    if (redrive.reason() != null) {
      out.put("RedriveStatusReason", redrive.reason());
    }
    try {
      if (row.status() == ExecutionStatus.SUCCEEDED) {
        ex.runtime.sendSuccess(link.token(), out);
      } else {
        ex.runtime.sendFailure(link.token(), "States.TaskFailed", Json.write(out));
      }
    } catch (Refusal gone) {
      // the parent's task ended meanwhile (timed out, stopped): nothing waits for this child
    } catch (RuntimeException e) {
      log.warn("Telling the parent of {} that it ended failed; it is told again after a restart: {}", childArn, e.toString());
      return;
    }
    links.remove(childArn);
  }

  /** DescribeExecution's answer as the .sync integration gives it: PascalCase, dates in epoch milliseconds (inferred). */
  private static ObjectNode describe(String executionArn, String stateMachineArn, String name, String input, ExecutionStatus status,
      String output, String error, String cause, long start, long stop, boolean parsed) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutionArn", executionArn);
    putJson(out, "Input", input, parsed);
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", name);
    if (output != null) {
      putJson(out, "Output", output, parsed);
      out.putObject("OutputDetails").put("Included", true);
    }
    out.put("StartDate", start);
    out.put("StateMachineArn", stateMachineArn);
    out.put("Status", status.name());
    out.put("StopDate", stop);
    if (error != null) {
      out.put("Error", error);
    }
    if (cause != null) {
      out.put("Cause", cause);
    }
    return out;
  }

  private static void putJson(ObjectNode out, String member, String text, boolean parsed) {
    if (!parsed) {
      out.put(member, text);
      return;
    }
    try {
      out.set(member, Json.parse(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.put(member, text);
    }
  }

  private static String pattern(ResourceArn resource) {
    String r = resource.resource();
    int dot = r.indexOf('.');
    return dot < 0 ? "" : r.substring(dot);
  }

  private static String text(JsonNode params, String member) {
    JsonNode v = params == null ? null : params.get(member);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static String defaultName(TaskRequest request) {
    JsonNode state = request.context() == null ? null : request.context().path("State");
    String seed = request.executionArn() + "/" + request.stateName() + "/" + (state == null ? "" : state.path("EnteredTime").asText())
        + "/" + (state == null ? "" : state.path("RetryCount").asText());
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** For tests: the links still waiting, child to token. */
  Map<String, NestedLinks.Link> waiting() {
    return links.all();
  }
}
