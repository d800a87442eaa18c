package io.stepwise.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Debian's chromium-driver, for the console's browser tests (skipped,
 * saying so, without them). Screenshots go to target/console-screenshots.
 */
public final class Chromium implements AutoCloseable {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  public final WebDriver browser;
  public final WebDriverWait wait;
  private final ChromeDriverService service;

  private Chromium(WebDriver browser, ChromeDriverService service) {
    this.browser = browser;
    this.service = service;
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // a running execution's page is drawn again as it changes: an element found a moment ago may be gone
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** Skips the calling test when chromium or its driver is missing. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "skipped: the console's browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
  }

  public static Chromium start() {
    assumeInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    try {
      // a plain WebDriver session on the service (ChromeDriver's DevTools attempt fails here after minutes)
      service.start();
      return new Chromium(new org.openqa.selenium.remote.RemoteWebDriver(service.getUrl(), options), service);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public void screenshot(String name) throws java.io.IOException {
    Files.createDirectories(SHOTS);
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  @Override
  public void close() {
    browser.quit();
    service.stop();
  }
}
