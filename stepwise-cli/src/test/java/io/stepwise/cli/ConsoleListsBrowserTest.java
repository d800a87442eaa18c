package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The console's listings in real Chromium: every machine's executions filtered by status, state
 * machine and start time; an activity's tasks waiting and taken; a Distributed Map's run with its
 * counts and children. Screenshots as {@link ConsoleBrowserTest} takes them.
 */
class ConsoleListsBrowserTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/r";

  @TempDir Path dir;
  private ConsoleSession s;

  @BeforeEach
  void start() throws Exception {
    s = new ConsoleSession(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (s != null) {
      s.close();
    }
  }

  private String machine(String name, String definition) {
    return s.sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
  }

  private String run(String machine, String name, String input) throws Exception {
    String arn = s.sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input(input)).executionArn();
    for (int i = 0; i < 500 && s.sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
    }
    return arn;
  }

  /** The names in the executions table once every row shown satisfies the filter. */
  private List<String> shownExecutions(String status) {
    s.wait.until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#all-executions tbody tr"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> status == null || status.equals(r.getAttribute("data-status")));
    });
    return s.browser.findElements(By.cssSelector("#all-executions a[data-execution]")).stream().map(a -> a.getAttribute("data-execution")).toList();
  }

  @Test
  void filterEveryMachinesExecutionsThenOpenADistributedMapsRunAndItsChild() throws Exception {
    String fails = machine("Fails", """
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Nope","Cause":"on purpose"}}}""");
    String passes = machine("Passes", """
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
    String fanout = machine("Fanout", """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Orders","ItemsPath":"$.items","MaxConcurrency":2,
          "ToleratedFailureCount":2,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check",
            "States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Good"}],"Default":"Bad"},
              "Good":{"Type":"Pass","End":true},"Bad":{"Type":"Fail","Error":"Item.Bad","Cause":"not ok"}}},"End":true}}}""");
    run(fails, "f1", "{}");
    run(passes, "p1", "{}");
    run(fails, "f2", "{}");
    run(passes, "p2", "{}");
    String parent = run(fanout, "fan-1", "{\"items\":[{\"ok\":true},{\"ok\":false},{\"ok\":true},{\"ok\":false},{\"ok\":true}]}");
    assertThat(s.sfn.describeExecution(b -> b.executionArn(parent)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    s.open("#/");
    s.wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-executions"))).click();
    // newest first, every machine's: the Map Run's five children started after their parent
    assertThat(shownExecutions(null)).hasSize(10).endsWith("fan-1", "p2", "f2", "p1", "f1");

    new Select(s.browser.findElement(By.id("exec-status-filter"))).selectByValue("FAILED");
    // the Map Run's failed children are listed too, as their own machine's (Fanout/Orders)
    assertThat(shownExecutions("FAILED")).contains("f2", "f1").doesNotContain("p1", "p2", "fan-1");
    new Select(s.browser.findElement(By.id("exec-machine-filter"))).selectByValue(fails);
    s.wait.until(d -> shownExecutions("FAILED").equals(List.of("f2", "f1")));
    s.screenshot("executions-filtered");

    // a start time range after them all: none
    ((JavascriptExecutor) s.browser).executeScript("""
        const f = document.getElementById('exec-started-after'), d = new Date(Date.now() + 3600e3);
        f.value = new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
        f.dispatchEvent(new Event('change'));""");
    s.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exec-none")));
    ((JavascriptExecutor) s.browser).executeScript("""
        const f = document.getElementById('exec-started-after'); f.value = ''; f.dispatchEvent(new Event('change'));""");
    s.wait.until(d -> shownExecutions("FAILED").equals(List.of("f2", "f1")));

    s.browser.findElement(By.cssSelector("#all-executions a[data-execution='f2']")).click();
    s.wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "FAILED"));

    s.open("#/execution/" + URLEncoder.encode(parent, StandardCharsets.UTF_8));
    s.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#map-runs a[data-map-run]"))).click();
    s.wait.until(ExpectedConditions.textToBe(By.id("map-run-status"), "SUCCEEDED"));
    assertThat(count("item-counts", "total")).isEqualTo("5");
    assertThat(count("item-counts", "succeeded")).isEqualTo("3");
    assertThat(count("item-counts", "failed")).isEqualTo("2");
    assertThat(count("execution-counts", "total")).isEqualTo("5");
    assertThat(s.browser.findElement(By.id("map-run-tolerated")).getText()).isEqualTo("2 or 0%");
    assertThat(s.browser.findElement(By.id("map-run-concurrency")).getText()).isEqualTo("2");
    s.wait.until(d -> d.findElements(By.cssSelector("#map-run-executions a[data-execution]")).size() == 5);
    new Select(s.browser.findElement(By.id("child-status-filter"))).selectByValue("FAILED");
    s.wait.until(d -> d.findElements(By.cssSelector("#map-run-executions a[data-execution]")).size() == 2);
    s.screenshot("map-run");

    s.browser.findElement(By.cssSelector("#map-run-executions a[data-execution]")).click();
    s.wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "FAILED"));
    assertThat(s.browser.findElement(By.cssSelector("tr[data-state='Bad']")).getAttribute("data-status")).isEqualTo("failed");
  }

  private String count(String row, String key) {
    return s.browser.findElement(By.cssSelector("#" + row + " td[data-count='" + key + "']")).getText();
  }

  @Test
  void seeAnActivitysTasksWaitingForAWorkerAndTheOneAWorkerTook() throws Exception {
    String activity = s.sfn.createActivity(b -> b.name("pack")).activityArn();
    String packs = machine("Packs", """
        {"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"%s","HeartbeatSeconds":60,"End":true}}}""".formatted(activity));
    String first = s.sfn.startExecution(b -> b.stateMachineArn(packs).name("first")).executionArn();
    String second = s.sfn.startExecution(b -> b.stateMachineArn(packs).name("second")).executionArn();
    var taken = s.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer-1"));
    assertThat(taken.taskToken()).isNotNull();

    s.open("#/activities");
    WebElement running = s.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-task='running']")));
    assertThat(running.findElement(By.cssSelector("td[data-worker]")).getText()).isEqualTo("packer-1");
    assertThat(running.findElement(By.cssSelector("a[data-task-execution]")).getAttribute("data-task-execution")).isEqualTo(first);
    List<WebElement> waiting = s.browser.findElements(By.cssSelector("tr[data-task='scheduled'] a[data-task-execution]"));
    assertThat(waiting).extracting(a -> a.getAttribute("data-task-execution")).containsExactly(second);
    s.screenshot("activities");
    s.sfn.sendTaskSuccess(b -> b.taskToken(taken.taskToken()).output("{}"));
  }
}
