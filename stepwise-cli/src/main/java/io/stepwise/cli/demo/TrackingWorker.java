package io.stepwise.cli.demo;

import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking activity's worker: tracker.py (Python with boto3, a second language polling
 * GetActivityTask as any worker would) when python3 and boto3 are here, else the same loop in
 * Java, so the demo runs with a JDK alone.
 */
final class TrackingWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrackingWorker.class);

  private final Process python;
  private final List<Thread> javaWorkers;
  private final AtomicBoolean running;

  private TrackingWorker(Process python, List<Thread> java, AtomicBoolean running) {
    this.python = python;
    this.javaWorkers = java;
    this.running = running;
  }

  /**
   * @param mode "python", "java" or "auto" (python when it can)
   * @param threads tasks worked on at once
   * @param driveSeconds how long each delivery takes
   * @param key the key tracker.py signs with (given in its environment, not its command line), or null for any
   */
  static TrackingWorker start(String mode, int threads, double driveSeconds, String endpoint, String region, String activityArn,
      io.stepwise.server.auth.Credentials key, Path dir, DemoClients clients, AtomicBoolean running) throws IOException {
    if (!mode.equals("java") && (mode.equals("python") || pythonWithBoto3())) {
      Path script = dir.resolve("tracker.py");
      Files.createDirectories(dir);
      Files.writeString(script, DeliverySetup.resource("tracker.py"));
      ProcessBuilder pb = new ProcessBuilder(List.of("python3", script.toString(), "--endpoint", endpoint, "--activity", activityArn,
          "--region", region, "--threads", Integer.toString(threads), "--drive-seconds", Double.toString(driveSeconds),
          "--parent-pid", Long.toString(ProcessHandle.current().pid()))).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.INHERIT);
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_")); // the server's key or none, not the caller's
      if (key != null) {
        pb.environment().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        if (key.sessionToken() != null) {
          pb.environment().put("AWS_SESSION_TOKEN", key.sessionToken());
        }
      }
      Process p = pb.start();
      log.info("Tracking worker: {} (Python, boto3), pid {}", script, p.pid());
      return new TrackingWorker(p, null, running);
    }
    log.info(mode.equals("java") ? "Tracking worker: in Java (--tracker java)"
        : "Tracking worker: in Java (python3 with boto3 is not here; 'pip install boto3' for the Python one)");
    long driveMillis = Math.round(driveSeconds * 1000);
    List<Thread> workers = new java.util.ArrayList<>();
    for (int i = 1; i <= threads; i++) {
      workers.add(Thread.ofPlatform().name("tracker-java-" + i).daemon().start(() -> javaLoop(clients, activityArn, driveMillis, running)));
    }
    return new TrackingWorker(null, workers, running);
  }

  private static boolean pythonWithBoto3() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void javaLoop(DemoClients c, String activityArn, long driveMillis, AtomicBoolean running) {
    while (running.get()) {
      try {
        var task = c.sfn.getActivityTask(b -> b.activityArn(activityArn).workerName("tracker-java"));
        if (task.taskToken() == null || task.taskToken().isEmpty()) {
          continue;
        }
        c.sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
        Thread.sleep(driveMillis);
        String orderId = Json.parse(task.input()).path("orderId").asText();
        String out = Json.write(Json.NODES.objectNode().put("orderId", orderId)
            .put("deliveredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
            .put("trackedBy", "tracker-java"));
        c.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output(out));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
        if (!running.get()) {
          return;
        }
        log.warn("Tracking worker: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    if (python != null) {
      python.destroy(); // SIGTERM: it finishes the task in hand's call and stops
      try {
        if (!python.waitFor(5, TimeUnit.SECONDS)) {
          python.destroyForcibly();
        }
      } catch (InterruptedException e) {
        python.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (javaWorkers != null) {
      javaWorkers.forEach(Thread::interrupt);
    }
  }
}
