package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ResultWriter;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.itemdata.ChildRun;
import io.stepwise.engine.itemdata.MapRunIdentity;
import io.stepwise.engine.itemdata.ResultFiles;
import io.stepwise.engine.step.StepInput;
import java.util.Iterator;
import java.util.List;

/**
 * A Distributed Map's run: MapStateStarted, MapRunStarted, its items (from the input, or read by
 * its ItemReader, {@link MapRunReader}), its children (a {@link FanOut}), its results written by its ResultWriter, and
 * MapRunSucceeded or MapRunFailed. Reader and writer calls are {@link MapRunCalls}; what they
 * fail with, and what the engine cannot carry out, fails the run with States.ItemReaderFailed or
 * States.ResultWriterFailed, which the Map's Retry and Catch see.
 *
 * <p>It keeps its own record ({@link MapRunRecord}, handed to the driver as {@code PutMapRun}
 * whenever it changes) and takes UpdateMapRun's settings while it runs.
 */
final class MapRun implements MapRunReader.Run {
  private static final String PUT_OBJECT = ":states:::s3:putObject";
  /** AWS redrives one Map Run at most 1,000 times; the next redrive fails its Map state with States.Runtime. */
  static final int MAX_REDRIVES = 1000;

  private final Frame f;
  private final MapState m;
  private final JsonNode in;
  private final JsonNode writerRequest;
  private MapRunIdentity id;
  private MapRunReader reader;
  /** The settings in force: the definition's, with UpdateMapRun's over them. */
  private MapPlan plan;
  private Integer updatedConcurrency;
  private Long updatedCount;
  private Double updatedPercentage;
  private FanOut fan;
  private MapRunStatus status = MapRunStatus.RUNNING;
  private long startDate;
  private Long stopDate;
  private int children;
  private long items;
  private int childrenWritten;
  private long itemsWritten;
  /** The error it failed with; null unless FAILED. */
  private String failure;
  private int redriveCount;
  private long redriveDate;

  private MapRun(Frame f, MapState m, JsonNode in, JsonNode writerRequest) {
    this.f = f;
    this.m = m;
    this.in = in;
    this.writerRequest = writerRequest;
  }

  /** The run's ARN and the names of its children; set when it starts. */
  MapRunIdentity identity() {
    return id;
  }

  /** The Map state's body in DISTRIBUTED mode. Failures before the run starts are the state's own. */
  static void start(Frame f, MapState m) {
    f.lastMapRun = null; // this attempt's run, once it starts
    JsonNode in = Pipeline.inputPath(m.common().inputPath(), f.input, f);
    ResultWriter w = m.resultWriter();
    JsonNode writerRequest = w != null && w.arguments() != null ? Pipeline.template(w.arguments(), in, f) : null;
    MapRun run = new MapRun(f, m, in, writerRequest);
    if (m.itemReader() == null) {
      MapPlan plan = MapPlan.of(f, m);
      f.exec.append(f, EventType.MapStateStarted, new EventDetails.MapStateStarted(plan.inputs().size()));
      run.plan = plan.withLimits(m);
      if (run.started()) {
        FanOut.distributed(f, run.plan, run);
      }
      return;
    }
    run.read();
  }

  private void read() {
    reader = new MapRunReader(f, m, in);
    // the items are read by the run, after it starts, so the state starts with none known
    f.exec.append(f, EventType.MapStateStarted, new EventDetails.MapStateStarted(0));
    // the tolerances are read here, as without a reader; MaxConcurrency only once the items are read
    plan = new MapPlan(List.of(), concurrencyForTheRecord(), null, null, f.scope(in)).withLimits(m);
    if (!started()) {
      return;
    }
    reader.read(this);
  }

  @Override
  public void itemsRead(JsonNode items) {
    plan = updated(MapPlan.from(f, m, in, items).withLimits(m));
    changed();
    FanOut.distributed(f, plan, this);
  }

  @Override
  public void readingFailed(String error, String cause) {
    fail(error, cause);
  }

  /**
   * What the record shows as MaxConcurrency while the items are read: the definition's, where it
   * reads without error (a bad MaxConcurrencyPath fails the run where it always did, once read).
   */
  private int concurrencyForTheRecord() {
    try {
      Integer max = MapPlan.integer(m.maxConcurrency(), f.scope(in));
      return max == null ? 0 : max;
    } catch (StatesException e) {
      return 0;
    }
  }

  /** The children are about to start: the run now knows how many, and of how many items. */
  void childrenStarting(FanOut fan, List<JsonNode> inputs) {
    this.fan = fan;
    children = inputs.size();
    items = 0;
    for (int i = 0; i < inputs.size(); i++) {
      items += itemsOf(inputs.get(i));
    }
    changed();
  }

  /** How many of the run's items a child's input holds: a batch's (ItemBatcher), else one. */
  int itemsOf(JsonNode input) {
    if (m.itemBatcher() == null) {
      return 1;
    }
    JsonNode batch = input.get("Items");
    return batch == null ? 1 : batch.size();
  }

  /** UpdateMapRun: the settings given replace the ones in force, for the children still to come and the failures still to count. */
  void update(StepInput.UpdateMapRun u) {
    if (status != MapRunStatus.RUNNING) {
      return;
    }
    if (u.maxConcurrency() != null) {
      updatedConcurrency = u.maxConcurrency();
    }
    if (u.toleratedFailureCount() != null) {
      updatedCount = u.toleratedFailureCount();
    }
    if (u.toleratedFailurePercentage() != null) {
      updatedPercentage = u.toleratedFailurePercentage();
    }
    plan = updated(plan);
    changed();
    if (fan != null) {
      fan.settingsChanged(plan);
    }
  }

  private MapPlan updated(MapPlan p) {
    return new MapPlan(p.inputs(), updatedConcurrency != null ? updatedConcurrency : p.maxConcurrency(),
        updatedCount != null ? Integer.valueOf((int) Math.min(Integer.MAX_VALUE, updatedCount)) : p.toleratedCount(),
        updatedPercentage != null ? updatedPercentage : p.toleratedPercentage(), p.scope());
  }

  MapRunStatus status() {
    return status;
  }

  /** The record as it is now. */
  MapRunRecord record() {
    boolean pending = status == MapRunStatus.RUNNING && fan != null; // AWS: none pending once the run has ended
    return new MapRunRecord(id.arn(), f.exec.info.executionArn, id.childMachineArn(), status, startDate, stopDate,
        plan == null ? 0 : plan.maxConcurrency(),
        plan == null || plan.toleratedCount() == null ? 0 : plan.toleratedCount(),
        plan == null || plan.toleratedPercentage() == null ? 0 : plan.toleratedPercentage(),
        children, items, childrenWritten, itemsWritten, redriveCount, redriveCount == 0 ? null : redriveDate,
        pending ? fan.pendingRedrive() : 0, pending ? fan.pendingRedriveItems() : 0);
  }

  void changed() {
    f.exec.mapRunChanged(this);
  }

  /**
   * The run's Map state is stopped (a sibling branch failed, the execution ended): ABORTED, and
   * MapRunAborted is recorded (inferred: where AWS records the state's own abort; nothing is
   * recorded once the execution has ended).
   */
  void abort() {
    if (status != MapRunStatus.RUNNING) {
      return;
    }
    f.exec.append(f, EventType.MapRunAborted, EventDetails.NONE);
    end(MapRunStatus.ABORTED);
  }

  private void end(MapRunStatus how) {
    status = how;
    stopDate = f.exec.lastTimestamp();
    if (f.mapRun == this) {
      f.mapRun = null;
    }
    f.exec.mapRunEnded(this);
    changed();
  }

  /** The results of these children were written (into the state's output, or by the ResultWriter). */
  private void written(List<ChildRun> runs) {
    childrenWritten = 0;
    itemsWritten = 0;
    for (ChildRun r : runs) {
      if (r.status() == ChildRun.Status.SUCCEEDED || r.status() == ChildRun.Status.FAILED) {
        childrenWritten++;
        itemsWritten += itemsOf(r.input());
      }
    }
  }

  /** Records MapRunStarted; false when the run failed at once (a ResultWriter it cannot use). */
  private boolean started() {
    String label = m.label() != null ? m.label() : m.name();
    String arn = f.exec.info.stateMachineArn;
    String partition = arn.startsWith("arn:") ? arn.split(":", 3)[1] : "aws";
    // a run started anew in a redriven execution (its state entered before) is named apart from the first attempt's
    int redrives = f.exec.info.redriveCount();
    id = MapRunIdentity.of(partition, f.exec.info.region(), f.exec.info.account(), f.exec.info.stateMachineName, label,
        f.exec.info.executionArn + "#" + f.enteredEventId + "#" + f.retryTotal + (redrives == 0 ? "" : "#r" + redrives),
        f.exec.lastTimestamp());
    f.exec.append(f, EventType.MapRunStarted, new EventDetails.MapRunStarted(id.arn()));
    startDate = f.exec.lastTimestamp();
    f.mapRun = this;
    f.lastMapRun = this;
    f.exec.mapRunStarted(this);
    changed();
    return writerSupported();
  }

  /** Whether the ResultWriter is one the engine carries out; fails the run when not. */
  private boolean writerSupported() {
    ResultWriter w = m.resultWriter();
    if (w != null && w.resource() != null && !(w.resource().startsWith("arn:") && w.resource().endsWith(PUT_OBJECT))) {
      fail(StatesErrors.RESULT_WRITER_FAILED,
          "ResultWriter.Resource '" + w.resource() + "' is not supported; supported is arn:aws:states:::s3:putObject");
      return false;
    }
    return true;
  }

  /**
   * A redrive of the execution reached this run's Map state, which did not succeed: the run is
   * redriven, as AWS documents, unless it succeeded (the state failed on its own output) or failed
   * with States.DataLimitExceeded or States.Runtime, where AWS starts a new Map Run (false: the
   * state runs again whole). The run keeps its ARN; MapRunRedriven records its redrive count; its
   * children that did not succeed run again and those that did keep their results
   * ({@link FanOut#redriveRun}); a run whose items were never read reads them again, and one that
   * failed writing its results writes them again.
   *
   * @return false when the state is to run again whole, with a new Map Run
   */
  boolean redrive() {
    if (status == MapRunStatus.SUCCEEDED || StatesErrors.DATA_LIMIT_EXCEEDED.equals(failure) || StatesErrors.RUNTIME.equals(failure)) {
      return false;
    }
    f.waiting = true;
    if (redriveCount >= MAX_REDRIVES) {
      f.resume(() -> {
        f.waiting = false;
        Failures.handle(f, StatesErrors.RUNTIME, "The Map Run " + id.arn() + " was redriven " + MAX_REDRIVES
            + " times, the most AWS redrives one Map Run", EventType.MapStateFailed);
      });
      return true;
    }
    redriveCount++;
    f.exec.append(f, EventType.MapRunRedriven, new EventDetails.MapRunRedriven(id.arn(), redriveCount));
    redriveDate = f.exec.lastTimestamp();
    status = MapRunStatus.RUNNING;
    stopDate = null;
    failure = null;
    f.mapRun = this;
    f.exec.mapRunStarted(this);
    changed();
    if (fan != null) {
      fan.redriveRun();
    } else if (writerSupported()) {
      if (reader != null) {
        reader.read(this); // it failed or was stopped before it had its items
      } else {
        FanOut.distributed(f, plan, this);
      }
    }
    return true;
  }

  /** Every child has ended and the run tolerated the failures: write the results, then end the state. */
  void childrenSucceeded(java.util.function.Supplier<ArrayNode> compact, List<ChildRun> children) {
    ResultWriter w = m.resultWriter();
    if (w == null) {
      written(children);
      succeed(compact.get());
    } else if (w.resource() == null) {
      written(children);
      succeed(ResultFiles.stateOutput(w, id, children, compact, f.exec.lastTimestamp()));
    } else {
      write(children, null, null);
    }
  }

  /** The run failed (a failure more than it tolerates): its results are still written, then the state fails. */
  void childrenFailed(String error, String cause, List<ChildRun> children) {
    ResultWriter w = m.resultWriter();
    if (w == null || w.resource() == null) {
      fail(error, cause);
    } else {
      write(children, error, cause);
    }
  }

  /** Writes the result files one call at a time; then succeeds, or fails with the run's own failure. */
  private void write(List<ChildRun> children, String error, String cause) {
    ResultFiles.Export export;
    try {
      export = ResultFiles.export(m.resultWriter(), writerRequest, id, children, f.exec.lastTimestamp());
    } catch (StatesException e) {
      fail(e.error(), e.cause());
      return;
    }
    writeNext(export.files().iterator(), () -> {
      written(children);
      if (error == null) {
        succeed(export.output());
      } else {
        fail(error, cause);
      }
    });
  }

  private void writeNext(Iterator<ResultFiles.PutObject> files, Runnable done) {
    if (!files.hasNext()) {
      done.run();
      return;
    }
    ResultFiles.PutObject file = files.next();
    MapRunCalls.schedule(f, m.resultWriter().resource(), file.request(), file.recorded(), new MapRunCalls.Then() {
      @Override
      public void succeeded(JsonNode output) {
        writeNext(files, done);
      }

      @Override
      public void failed(String error, String cause) {
        fail(StatesErrors.RESULT_WRITER_FAILED, "Writing " + file.key() + " to bucket '" + file.bucket() + "' failed with " + error
            + (cause == null ? "" : ": " + cause));
      }
    });
  }

  private void succeed(JsonNode output) {
    f.exec.append(f, EventType.MapRunSucceeded, EventDetails.NONE);
    end(MapRunStatus.SUCCEEDED);
    f.exec.append(f, EventType.MapStateSucceeded, EventDetails.NONE);
    f.waiting = true;
    f.resume(() -> {
      f.waiting = false;
      States.complete(f, output);
    });
  }

  private void fail(String error, String cause) {
    f.exec.append(f, EventType.MapRunFailed, new EventDetails.MapRunFailed(error, cause));
    failure = error;
    if (id != null) {
      end(MapRunStatus.FAILED);
    }
    f.waiting = true; // the body returns here; the failure is handled on the frame's next turn
    f.resume(() -> {
      f.waiting = false;
      Failures.handle(f, error, cause, EventType.MapStateFailed);
    });
  }
}
