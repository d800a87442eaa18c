package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The console as a person uses it, in real headless Chromium (Debian's chromium and
 * chromium-driver; skipped, saying so, where they are not installed) against a real
 * {@code stepwise serve}: find a state machine, start an execution with a checked JSON input, watch
 * its state go from in progress to succeeded, open a failed state's error, redrive. The pages'
 * screenshots are written to target/console-screenshots (the current ones are copied to docs/).
 */
class ConsoleBrowserTest {
  @TempDir Path dir;
  private ConsoleSession session;
  private ServeCommand serve;
  private SfnClient sfn;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    session = new ConsoleSession(dir);
    serve = session.serve;
    sfn = session.sfn;
    browser = session.browser;
    wait = session.wait;
  }

  @AfterEach
  void stop() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void startAnExecutionFromTheConsoleAndWatchItsStateGoFromInProgressToSucceeded() throws Exception {
    sfn.createStateMachine(b -> b.name("Greeter").roleArn("arn:aws:iam::123456789012:role/r").definition("""
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":2,"Next":"Greet"},
          "Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.who)"},"End":true}}}"""));
    browser.get(serve.server().endpoint() + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-machine='Greeter']")));
    screenshot("state-machines");
    browser.findElement(By.cssSelector("a[data-machine='Greeter']")).click();

    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("start-input")));
    input.clear();
    input.sendKeys("{\"who\": ");
    browser.findElement(By.id("start-execution")).click();
    assertThat(browser.findElement(By.id("start-problem")).getText()).as("an input that is not JSON is not sent")
        .startsWith("The input is not JSON");
    assertThat(browser.getCurrentUrl()).contains("#/machine/");
    input.sendKeys("\"console\"}");
    browser.findElement(By.id("start-execution")).click();

    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Pause']"), "data-status", "in-progress"));
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id='States/Pause']"), "data-status", "in-progress"));
    assertThat(browser.findElement(By.cssSelector("#graph g[data-id='States/Greet']")).getAttribute("data-status"))
        .isEqualTo("not-reached");
    screenshot("execution-running");
    countExecutionReads();
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Greet']"), "data-status", "succeeded"));
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id='States/Greet']"), "data-status", "succeeded"));
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Pause']")).getAttribute("data-status")).isEqualTo("succeeded");
    wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "SUCCEEDED"));
    assertThat(browser.findElement(By.id("execution-output")).getText()).contains("\"greeting\": \"hello console\"");
    assertThat(executionReads()).as("followed over the event stream, read again only once it ended").isEqualTo(1);
    screenshot("execution-succeeded");
  }

  @Test
  void aRunningExecutionsPageIsDrawnAgainFromItsLiveEventsWithoutReadingItAgain() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name("Stroller").roleArn("arn:aws:iam::123456789012:role/r").definition("""
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":3,"Next":"Greet"},
          "Greet":{"Type":"Pass","Next":"Rest"},"Rest":{"Type":"Wait","Seconds":3,"Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}""")).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("walk-1")).executionArn();
    browser.get(serve.server().endpoint() + "/#/execution/" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8));
    WebElement pause = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Pause']")));
    assertThat(pause.getAttribute("data-status")).isEqualTo("in-progress");
    // from here on, the page's reads of the execution are counted: polling would read it every half second
    countExecutionReads();
    browser.findElement(By.cssSelector("tr[data-state='Pause']")).click();

    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-state='Rest']"), "data-status", "in-progress"));
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Greet']")).getAttribute("data-status")).isEqualTo("succeeded");
    assertThat(browser.findElement(By.cssSelector("#graph g[data-id='States/Rest']")).getAttribute("data-status")).isEqualTo("in-progress");
    assertThat(browser.findElement(By.id("execution-status")).getText()).isEqualTo("RUNNING");
    assertThat(executionReads()).as("drawn from the streamed events, not read again").isZero();
    assertThat(browser.findElement(By.cssSelector("#step-details h2")).getText()).as("the chosen state stays chosen").isEqualTo("Pause");

    wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "SUCCEEDED"));
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Done']")).getAttribute("data-status")).isEqualTo("succeeded");
    assertThat(executionReads()).as("read once more, when it ended").isEqualTo(1);
    assertThat(browser.findElement(By.cssSelector("tr.chosen")).getAttribute("data-state")).isEqualTo("Pause");
  }

  @Test
  void openAFailedStatesErrorAndRedriveTheExecution() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name("Breaker").roleArn("arn:aws:iam::123456789012:role/r").definition("""
        {"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Next":"Boom"},
          "Boom":{"Type":"Fail","Error":"Payment.Declined","Cause":"card expired"}}}""")).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("order-7")).executionArn();
    var d = sfn.describeExecution(b -> b.executionArn(arn));
    for (int i = 0; i < 250 && d.status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
      d = sfn.describeExecution(b -> b.executionArn(arn));
    }
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);

    browser.get(serve.server().endpoint() + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-machine='Breaker']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-execution='order-7']"))).click();
    WebElement boom = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Boom']")));
    assertThat(boom.getAttribute("data-status")).isEqualTo("failed");
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Prepare']")).getAttribute("data-status")).isEqualTo("succeeded");
    boom.click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-error"))).getText()).isEqualTo("Payment.Declined");
    assertThat(browser.findElement(By.id("step-cause")).getText()).isEqualTo("card expired");
    screenshot("execution-failed");

    browser.findElement(By.id("redrive-execution")).click();
    for (int i = 0; i < 250 && sfn.describeExecution(b -> b.executionArn(arn)).redriveCount() == 0; i++) {
      Thread.sleep(20);
    }
    assertThat(sfn.describeExecution(b -> b.executionArn(arn)).redriveCount()).as("redriven from the page").isEqualTo(1);
  }

  @Test
  void pickAMapIterationFailedOnesFirstAndSeeEachStageOfAState() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name("Items").roleArn("arn:aws:iam::123456789012:role/r").definition("""
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Check",
            "States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],"Default":"Good"},
              "Good":{"Type":"Pass","End":true},"Bad":{"Type":"Fail","Error":"Item.Bad","Cause":"two is bad"}}},
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Report"}],"Next":"Done"},
          "Report":{"Type":"Pass","Parameters":{"failed.$":"$.error.Error"},"ResultPath":"$.report","End":true},
          "Done":{"Type":"Succeed"}}}""")).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("three-items").input("{\"items\":[1,2,3]}")).executionArn();
    var d = sfn.describeExecution(b -> b.executionArn(arn));
    for (int i = 0; i < 250 && d.status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
      d = sfn.describeExecution(b -> b.executionArn(arn));
    }
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    browser.get(serve.server().endpoint() + "/#/execution/" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8));
    WebElement each = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Each']")));
    assertThat(each.getAttribute("data-status")).isEqualTo("caught");
    var picker = new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("select.iteration-picker[data-map='Each']")));
    // iteration 2 either finished before iteration 1 failed or was aborted by it
    assertThat(picker.getOptions()).extracting(WebElement::getText).hasSize(3)
        .startsWith("iteration 1 · failed").contains("iteration 0 · succeeded");
    assertThat(picker.getFirstSelectedOption().getText()).as("the failed iteration is shown first").startsWith("iteration 1");
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Bad']")).getAttribute("data-status")).isEqualTo("failed");
    assertThat(browser.findElements(By.cssSelector("tr[data-state='Good']"))).isEmpty();
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#graph g[data-id$='States/Bad']"), "data-status", "failed"));
    browser.findElement(By.cssSelector("tr[data-state='Bad']")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-error"))).getText()).isEqualTo("Item.Bad");
    screenshot("execution-map-iteration");

    picker.selectByVisibleText("iteration 0 · succeeded");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Good']")));
    assertThat(browser.findElement(By.cssSelector("tr[data-state='Good']")).getAttribute("data-status")).isEqualTo("succeeded");
    assertThat(browser.findElements(By.cssSelector("tr[data-state='Bad']"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("#graph g[data-id$='States/Good']")).getAttribute("data-status")).isEqualTo("succeeded");
    assertThat(browser.findElement(By.cssSelector("#graph g[data-id$='States/Bad']")).getAttribute("data-status")).isEqualTo("not-reached");

    browser.findElement(By.cssSelector("tr[data-state='Report']")).click();
    WebElement parameters = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#step-stages tr[data-stage='afterParameters']")));
    assertThat(parameters.getText().replaceAll("\\s", "")).contains("{\"failed\":\"Item.Bad\"}");
    assertThat(browser.findElement(By.cssSelector("#step-stages tr[data-stage='afterResultPath']")).getText())
        .contains("\"report\"").contains("\"items\"");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('step-details').scrollIntoView()");
    screenshot("execution-step-stages");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("event-state-filter"))).selectByValue("Report");
    assertThat(browser.findElements(By.cssSelector("#history tr[data-event]"))).hasSize(2);
  }

  @Test
  void seeEachAttemptOfARetriedTaskAsASegmentOfItsTimelineWithItsBackOff() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name("Retrier").roleArn("arn:aws:iam::123456789012:role/r").definition("""
        {"StartAt":"Charge","States":{
          "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"no-such-function"},
            "QueryLanguage":"JSONata",
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"GaveUp"}],"End":true},
          "GaveUp":{"Type":"Pass","End":true}}}""")).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("charge-1")).executionArn();
    var d = sfn.describeExecution(b -> b.executionArn(arn));
    for (int i = 0; i < 500 && d.status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
      d = sfn.describeExecution(b -> b.executionArn(arn));
    }
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    browser.get(serve.server().endpoint() + "/#/execution/" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8));
    WebElement charge = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-state='Charge']")));
    assertThat(charge.getAttribute("data-status")).isEqualTo("caught");
    assertThat(charge.findElements(By.cssSelector(".bar span.attempt"))).as("one segment per attempt").hasSize(3);
    charge.click();
    var attempts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-attempts")))
        .findElements(By.cssSelector("tbody tr"));
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).getText()).contains("failed").contains("Lambda.");
    assertThat(browser.findElement(By.id("step-retries")).getText()).isEqualTo("2");
    assertThat(browser.findElement(By.id("step-request")).getText()).contains("no-such-function");
  }

  @Test
  void aGraphOf150StatesOpensReadableAtItsStartAndFitsWholeOnAsking() throws Exception {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      String next = i == 149 ? "\"End\":true" : "\"Next\":\"S" + (i + 1) + "\"";
      states.append(i == 0 ? "" : ",").append(i % 10 == 0 && i < 140
          ? "\"S" + i + "\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\",\"NumericEquals\":" + i
              + ",\"Next\":\"S" + (i + 5) + "\"}],\"Default\":\"S" + (i + 1) + "\"}"
          : "\"S" + i + "\":{\"Type\":\"Pass\"," + next + "}");
    }
    sfn.createStateMachine(b -> b.name("Big").roleArn("arn:aws:iam::123456789012:role/r")
        .definition("{\"StartAt\":\"S0\",\"States\":{" + states + "}}"));
    browser.get(serve.server().endpoint() + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-machine='Big']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph g[data-id='States/S149']")));
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    String scale = "const s = document.querySelector('#graph svg'); const r = s.getBoundingClientRect(), v = s.viewBox.baseVal;"
        + " return Math.min(r.width / v.width, r.height / v.height);";
    assertThat(((Number) js.executeScript(scale)).doubleValue()).as("drawn at a readable size").isGreaterThan(0.9);
    js.executeScript("document.getElementById('graph').scrollIntoView()");
    screenshot("state-machine-150-states");
    browser.findElement(By.id("graph-fit")).click();
    assertThat(((Number) js.executeScript(scale)).doubleValue()).as("Fit shows all of it").isLessThan(0.6);
  }

  @Test
  void createAStateMachineFromAPastedDefinitionAfterItsProblemsAreShownAtTheirPointers() throws Exception {
    browser.get(serve.server().endpoint() + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-machine"))).click();
    WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.id("definition-editor")));
    editor.clear();
    editor.sendKeys("""
        {"StartAt":"Check","States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],
        "Default":"Missing"},"Done":{"Type":"Succeed"}}}""");
    browser.findElement(By.id("check-definition")).click();
    WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problems a[data-pointer]")));
    assertThat(problem.getAttribute("data-pointer")).isEqualTo("/States/Check/Default");
    assertThat(browser.findElement(By.id("problems")).getText()).contains("Missing");
    problem.click();
    Object selected = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const e = document.getElementById('definition-editor'); return e.value.substring(e.selectionStart, e.selectionEnd);");
    assertThat(selected).as("the pointer's key is selected in the editor").isEqualTo("\"Default\"");
    screenshot("new-machine-problems");

    editor.clear();
    editor.sendKeys("""
        {"StartAt":"Check","States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],
        "Default":"Nope"},"Done":{"Type":"Succeed"},"Nope":{"Type":"Fail","Error":"NotOk"}}}""");
    browser.findElement(By.id("machine-name")).sendKeys("Pasted");
    browser.findElement(By.id("check-definition")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview g[data-id='States/Nope']")));
    assertThat(browser.findElements(By.cssSelector("#problems li.problem"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#preview g.sw-edge-choice"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#preview g.sw-edge-default"))).hasSize(1);
    browser.findElement(By.id("create-machine")).click();

    wait.until(ExpectedConditions.urlContains("#/machine/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph g[data-id='States/Done']")));
    assertThat(sfn.listStateMachines().stateMachines()).extracting(m -> m.name()).containsExactly("Pasted");
    screenshot("state-machine");

    browser.findElement(By.id("edit-machine")).click();
    editor = wait.until(ExpectedConditions.elementToBeClickable(By.id("definition-editor")));
    assertThat(editor.getAttribute("value")).contains("\"Nope\"");
    editor.clear();
    editor.sendKeys("""
        {"StartAt":"Done","States":{"Done":{"Type":"Succeed","Comment":"edited in the console"}}}""");
    browser.findElement(By.id("update-machine")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#definition")));
    String arn = sfn.listStateMachines().stateMachines().get(0).stateMachineArn();
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).contains("edited in the console");
  }

  /** From here on, the page's DescribeExecution requests are counted (the page is not loaded again: the counter stays). */
  private void countExecutionReads() {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
        window.executionReads = 0; const f = window.fetch;
        window.fetch = function (url, init) {
          if (init && new Headers(init.headers).get('X-Amz-Target') === 'AWSStepFunctions.DescribeExecution') window.executionReads++;
          return f.apply(this, arguments);
        };""");
  }

  private int executionReads() {
    return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.executionReads")).intValue();
  }

  private void screenshot(String name) throws Exception {
    session.screenshot(name);
  }
}
