package io.stepwise.cli.apibench;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * For {@link ConsolePages}: how long headless Chromium (Debian's, where installed) takes to load a
 * console page whole, from a blank tab to its table drawn: the HTML, the modules, the API and data
 * requests and the DOM. Each page is loaded {@code repeats} times after three warm-ups.
 */
final class BrowserPageLoads {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserPageLoads() {}

  static void measure(URI endpoint, String machineArn, int repeats) throws Exception {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      System.out.println("{\"browser\":\"skipped: no /usr/bin/chromium and /usr/bin/chromedriver\"}");
      return;
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    service.start();
    WebDriver browser = new org.openqa.selenium.remote.RemoteWebDriver(service.getUrl(), options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      Map<String, String[]> pages = new java.util.LinkedHashMap<>();
      pages.put("#/executions (every machine, 50 rows)", new String[] {"#/executions", "#all-executions tbody tr"});
      pages.put("#/machine/orders (its page: definition, graph, 50 executions)",
          new String[] {"#/machine/" + URLEncoder.encode(machineArn, StandardCharsets.UTF_8), "#executions tbody tr"});
      for (var p : pages.entrySet()) {
        long[] ns = new long[repeats];
        for (int i = -3; i < repeats; i++) {
          browser.get("about:blank");
          long began = System.nanoTime();
          browser.get(endpoint + "/" + p.getValue()[0]);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(p.getValue()[1])));
          if (i >= 0) {
            ns[i] = System.nanoTime() - began;
          }
        }
        Arrays.sort(ns);
        System.out.printf("{\"page_load\":\"%s\",\"median_ms\":%.0f,\"max_ms\":%.0f}%n", p.getKey(), ns[repeats / 2] / 1e6,
            ns[repeats - 1] / 1e6);
      }
    } finally {
      browser.quit();
      service.stop();
    }
  }
}
