package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The console of {@code stepwise serve --auth sigv4} in real headless Chromium (set up as in
 * {@link ConsoleBrowserTest}; skipped where Debian's chromium and chromium-driver are not
 * installed): it shows its sign-in form, refuses a wrong token saying so, and with the token shows
 * the state machines, until signed out.
 */
class ConsoleSignInBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final String TOKEN = "browser-test-console-token-42";

  @TempDir Path dir;
  private ServeCommand serve;
  private CompletableFuture<Integer> exit;
  private WebDriver browser;
  private WebDriverWait wait;
  private ChromeDriverService service;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "skipped: the console's browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    Files.writeString(dir.resolve("keys"), "[default]\naws_access_key_id = AKIDBROWSER\naws_secret_access_key = browser-secret\n");
    serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = Map.of("STEPWISE_CONSOLE_TOKEN", TOKEN);
    CommandLine cmd = new CommandLine(serve);
    exit = CompletableFuture.supplyAsync(() -> cmd.execute("--port", "0", "--data", "store", "--auth", "sigv4", "--credentials", "keys"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    service.start(); // a plain WebDriver session, as ConsoleBrowserTest says why
    browser = new org.openqa.selenium.remote.RemoteWebDriver(service.getUrl(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (serve != null) {
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void signInWithTheConsoleTokenToSeeTheStateMachines() throws Exception {
    try (SfnClient sfn = SfnClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBROWSER", "browser-secret")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      sfn.createStateMachine(b -> b.name("Guarded").roleArn("arn:aws:iam::123456789012:role/r").definition(
          "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"));
    }
    browser.get(serve.server().endpoint() + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-token")));
    assertThat(browser.findElement(By.id("main")).getText()).contains("Sign in to the console")
        .contains("sign in to the console with its token").doesNotContain("Guarded");
    screenshot("sign-in");

    browser.findElement(By.id("sign-in-token")).sendKeys("a-wrong-token-for-this-server");
    browser.findElement(By.id("sign-in-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-problem")));
    assertThat(browser.findElement(By.id("sign-in-problem")).getText()).startsWith("That is not this server's console token");

    browser.findElement(By.id("sign-in-token")).clear();
    browser.findElement(By.id("sign-in-token")).sendKeys(TOKEN);
    browser.findElement(By.id("sign-in-submit")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-machine='Guarded']")));
    assertThat(browser.findElements(By.id("sign-in"))).isEmpty();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out")));
    screenshot("signed-in");

    browser.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-machine='Guarded']")));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-token")));
    assertThat(browser.findElements(By.cssSelector("a[data-machine='Guarded']"))).as("signed out").isEmpty();
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }
}
