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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A real {@code stepwise serve} in a directory, an SDK client for it and headless Chromium on its
 * console (Debian's chromium and chromium-driver; the test is skipped, saying so, without them), as
 * {@link ConsoleBrowserTest} sets them up. Screenshots go to target/console-screenshots.
 */
final class ConsoleSession implements AutoCloseable {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  final ServeCommand serve;
  final SfnClient sfn;
  final WebDriver browser;
  final WebDriverWait wait;
  private final CompletableFuture<Integer> exit;
  private final ChromeDriverService service;

  ConsoleSession(Path dir) throws Exception {
    this(dir, Map.of(), "test", "test");
  }

  /**
   * @param env serve's environment
   * @param accessKey the SDK client's key (with {@code --auth sigv4}: one of its credentials file)
   * @param serveArgs serve's options besides {@code --port 0 --data store}
   */
  ConsoleSession(Path dir, Map<String, String> env, String accessKey, String secretKey, String... serveArgs) throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "skipped: the console's browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = env;
    CommandLine cmd = new CommandLine(serve);
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--port", "0", "--data", "store"),
        java.util.Arrays.stream(serveArgs)).toArray(String[]::new);
    exit = new CompletableFuture<>();
    Thread.ofPlatform().name("console-serve").start(() -> exit.complete(cmd.execute(args)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    sfn = SfnClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(UrlConnectionHttpClient.create()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    // a plain WebDriver session on the service (ChromeDriver's DevTools attempt fails here after minutes)
    service.start();
    browser = new org.openqa.selenium.remote.RemoteWebDriver(service.getUrl(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // a running execution's page is drawn again as it changes: an element found a moment ago may be gone
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** Opens the console at a page ({@code "#/executions"}). */
  void open(String hash) {
    browser.get(serve.server().endpoint() + "/" + hash);
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  @Override
  public void close() throws Exception {
    browser.quit();
    service.stop();
    sfn.close();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
