package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A real {@code stepwise serve} process, killed with SIGKILL while executions wait in Wait
 * states, retry back-offs, activity tasks and callbacks, then started again on the same data
 * directory: every execution goes on and ends exactly once, its history whole and unrepeated,
 * and the tokens given out before the crash are still accepted. Talks only to 127.0.0.1 and
 * stops the processes it starts, by their own handles.
 */
class CrashRecoveryTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/crash";
  @TempDir Path data;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Process serve(int port) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.stepwise.cli.Main",
        "serve", "--port", Integer.toString(port), "--data", data.toString());
    pb.redirectErrorStream(true).redirectOutput(data.resolve("server-" + started.size() + ".log").toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private static SfnClient client(int port) {
    return SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
  }

  private static void awaitUp(SfnClient sfn, Process p) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      try {
        sfn.listStateMachines(b -> b.maxResults(1));
        return;
      } catch (RuntimeException e) {
        assertThat(p.isAlive()).as("the server process is alive").isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the server did not come up");
  }

  private static String machine(SfnClient sfn, String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  @Test
  void executionsWaitingWhenTheServerIsKilledGoOnAfterItStartsAgain() throws Exception {
    int port = freePort();
    Process first = serve(port);
    List<String> waits = new ArrayList<>();
    List<String> retries = new ArrayList<>();
    List<String> workers = new ArrayList<>();
    List<String> callbacks = new ArrayList<>();
    String activity;
    try (SfnClient sfn = client(port)) {
      awaitUp(sfn, first);
      String wait = machine(sfn, "waits", """
          {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":3,"Next":"Done"},"Done":{"Type":"Pass","End":true}}}""");
      String retry = machine(sfn, "retries", """
          {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"missing"},
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":2,"BackoffRate":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Pass","End":true}}}""");
      activity = sfn.createActivity(b -> b.name("track")).activityArn();
      String act = machine(sfn, "activities", """
          {"StartAt":"Track","States":{"Track":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(activity));
      String cb = machine(sfn, "callbacks", """
          {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"QueueUrl":"http://127.0.0.1/123456789012/crash-callbacks","MessageBody.$":"$$.Task.Token"},"End":true}}}""");
      try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
          .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create()).build()) {
        sqs.createQueue(b -> b.queueName("crash-callbacks")); // the callbacks' messages go there (the test answers from the history)
      }
      for (int i = 0; i < 200; i++) {
        int n = i;
        waits.add(sfn.startExecution(b -> b.stateMachineArn(wait).name("w" + n)).executionArn());
      }
      for (int i = 0; i < 30; i++) {
        int n = i;
        retries.add(sfn.startExecution(b -> b.stateMachineArn(retry).name("r" + n)).executionArn());
        workers.add(sfn.startExecution(b -> b.stateMachineArn(act).name("a" + n)).executionArn());
        callbacks.add(sfn.startExecution(b -> b.stateMachineArn(cb).name("c" + n)).executionArn());
      }
      // two workers take a task each before the crash: those stay theirs to answer
      var taken = sfn.getActivityTask(b -> b.activityArn(activity).workerName("before"));
      assertThat(taken.taskToken()).isNotNull();
      Files.writeString(data.resolve("taken.txt"), taken.taskToken());
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);

    Process second = serve(port);
    try (SfnClient sfn = client(port)) {
      awaitUp(sfn, second);
      // the registry outlives the crash too
      assertThat(sfn.describeActivity(b -> b.activityArn(activity)).name()).isEqualTo("track");
      assertThat(sfn.listStateMachines(b -> b.maxResults(10)).stateMachines()).hasSize(4);
      String takenToken = Files.readString(data.resolve("taken.txt"));
      sfn.sendTaskSuccess(b -> b.taskToken(takenToken).output("\"before the crash\""));
      for (int i = 0; i < workers.size() - 1; i++) {
        var task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("after"));
        assertThat(task.taskToken()).as("activity task %d handed out again", i).isNotNull();
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}"));
      }
      ObjectMapper json = new ObjectMapper();
      for (String arn : callbacks) {
        String token = null;
        for (HistoryEvent e : sfn.getExecutionHistory(b -> b.executionArn(arn)).events()) {
          if (e.type() == HistoryEventType.TASK_SCHEDULED) {
            token = json.readTree(e.taskScheduledEventDetails().parameters()).get("MessageBody").asText();
          }
        }
        String t = token;
        sfn.sendTaskSuccess(b -> b.taskToken(t).output("{\"answered\":true}"));
      }
      List<String> all = new ArrayList<>(waits);
      all.addAll(retries);
      all.addAll(workers);
      all.addAll(callbacks);
      Map<String, ExecutionStatus> ends = new HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (ends.size() < all.size() && System.nanoTime() < deadline) {
        for (String arn : all) {
          if (!ends.containsKey(arn)) {
            var d = sfn.describeExecution(b -> b.executionArn(arn));
            if (d.status() != ExecutionStatus.RUNNING) {
              ends.put(arn, d.status());
            }
          }
        }
        Thread.sleep(200);
      }
      assertThat(ends).as("every execution ended").hasSize(all.size());
      assertThat(ends.values()).as("and succeeded").containsOnly(ExecutionStatus.SUCCEEDED);
      for (String arn : all) {
        List<HistoryEvent> h = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events();
        for (int i = 0; i < h.size(); i++) {
          assertThat(h.get(i).id()).as("%s event %d", arn, i).isEqualTo(i + 1);
        }
        assertThat(h.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_SUCCEEDED)).as(arn).hasSize(1);
        assertThat(h.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_STARTED)).as(arn).hasSize(1);
      }
    }
    second.destroy(); // SIGTERM: a clean stop
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A Distributed Map whose item 1 fails (its Choice matches nothing until the child is redriven),
   * which fails the run and stops item 0, is redriven, and the server is killed while the redriven
   * children wait: after the restart items 0 and 1 were redriven exactly once, the rest ran once,
   * and the run and its execution succeed with every item's result.
   */
  @Test
  void aMapRunRedrivenWhenTheServerIsKilledGoesOnAfterItStartsAgain() throws Exception {
    int port = freePort();
    Process first = serve(port);
    String execution;
    try (SfnClient sfn = client(port)) {
      awaitUp(sfn, first);
      String sm = machine(sfn, "redriven-map", """
          {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Items","MaxConcurrency":2,"ToleratedFailureCount":0,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Gate","States":{
              "Gate":{"Type":"Choice","Choices":[{"Or":[{"Not":{"Variable":"$.n","NumericEquals":1}},
                {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Pause"}]},
              "Pause":{"Type":"Wait","Seconds":1,"Next":"Done"},"Done":{"Type":"Pass","End":true}}},"End":true}}}""");
      StringBuilder items = new StringBuilder("[");
      for (int i = 0; i < 8; i++) {
        items.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append('}');
      }
      String input = items.append(']').toString();
      execution = sfn.startExecution(b -> b.stateMachineArn(sm).name("batch").input(input)).executionArn();
      assertThat(awaitEnd(sfn, execution)).isEqualTo(ExecutionStatus.FAILED);
      sfn.redriveExecution(b -> b.executionArn(execution));
      Thread.sleep(1_500); // some redriven children wait in their Wait state, others have not started
      assertThat(sfn.describeExecution(b -> b.executionArn(execution)).status()).isEqualTo(ExecutionStatus.RUNNING);
    }
    first.destroyForcibly(); // SIGKILL, mid-redrive
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

    Process second = serve(port);
    try (SfnClient sfn = client(port)) {
      awaitUp(sfn, second);
      assertThat(awaitEnd(sfn, execution)).isEqualTo(ExecutionStatus.SUCCEEDED);
      ObjectMapper json = new ObjectMapper();
      var output = json.readTree(sfn.describeExecution(b -> b.executionArn(execution)).output());
      assertThat(output).hasSize(8);
      for (int i = 0; i < 8; i++) {
        assertThat(output.get(i).get("n").asInt()).isEqualTo(i);
      }
      String run = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0).mapRunArn();
      var described = sfn.describeMapRun(b -> b.mapRunArn(run));
      assertThat(described.redriveCount()).isEqualTo(1);
      assertThat(described.executionCounts().succeeded()).isEqualTo(8);
      var children = sfn.listExecutions(b -> b.mapRunArn(run)).executions();
      assertThat(children).hasSize(8);
      for (var c : children) {
        int n = json.readTree(sfn.describeExecution(b -> b.executionArn(c.executionArn())).input()).get("n").asInt();
        List<HistoryEvent> h = sfn.getExecutionHistory(b -> b.executionArn(c.executionArn()).maxResults(1000)).events();
        for (int i = 0; i < h.size(); i++) {
          assertThat(h.get(i).id()).as("%s event %d", c.executionArn(), i).isEqualTo(i + 1);
        }
        long redrives = h.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN).count();
        assertThat(redrives).as("item %d: the failed one and the one it stopped were redriven, once", n).isEqualTo(n <= 1 ? 1 : 0);
        assertThat(h.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_SUCCEEDED)).as(c.executionArn()).hasSize(1);
      }
      List<HistoryEvent> parent = sfn.getExecutionHistory(b -> b.executionArn(execution).maxResults(1000)).events();
      assertThat(parent.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_REDRIVEN)).hasSize(1);
      assertThat(parent.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_SUCCEEDED)).hasSize(1);
    }
    second.destroy();
    assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  private static ExecutionStatus awaitEnd(SfnClient sfn, String arn) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      ExecutionStatus s = sfn.describeExecution(b -> b.executionArn(arn)).status();
      if (s != ExecutionStatus.RUNNING) {
        return s;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(arn + " did not end");
  }
}
