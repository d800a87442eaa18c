package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A real {@code stepwise serve} in a directory, an SDK client for it and headless {@link Chromium}
 * on its console, as {@link ConsoleBrowserTest} sets them up.
 */
final class ConsoleSession implements AutoCloseable {
  final ServeCommand serve;
  final SfnClient sfn;
  final WebDriver browser;
  final WebDriverWait wait;
  private final CompletableFuture<Integer> exit;
  private final Chromium chromium;

  ConsoleSession(Path dir) throws Exception {
    this(dir, Map.of(), "test", "test");
  }

  /**
   * @param env serve's environment
   * @param accessKey the SDK client's key (with {@code --auth sigv4}: one of its credentials file)
   * @param serveArgs serve's options besides {@code --port 0 --data store}
   */
  ConsoleSession(Path dir, Map<String, String> env, String accessKey, String secretKey, String... serveArgs) throws Exception {
    Chromium.assumeInstalled();
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
    chromium = Chromium.start();
    browser = chromium.browser;
    wait = chromium.wait;
  }

  /** Opens the console at a page ({@code "#/executions"}). */
  void open(String hash) {
    browser.get(serve.server().endpoint() + "/" + hash);
  }

  void screenshot(String name) throws Exception {
    chromium.screenshot(name);
  }

  @Override
  public void close() throws Exception {
    chromium.close();
    sfn.close();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
