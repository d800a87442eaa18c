package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console of {@code stepwise serve --auth sigv4} in real headless Chromium (set up as in
 * {@link ConsoleBrowserTest}; skipped where Debian's chromium and chromium-driver are not
 * installed): it shows its sign-in form, refuses a wrong token saying so, and with the token shows
 * the state machines, until signed out.
 */
class ConsoleSignInBrowserTest {
  private static final String TOKEN = "browser-test-console-token-42";

  @TempDir Path dir;
  private ConsoleSession session;
  private ServeCommand serve;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("keys"), "[default]\naws_access_key_id = AKIDBROWSER\naws_secret_access_key = browser-secret\n");
    session = new ConsoleSession(dir, Map.of("STEPWISE_CONSOLE_TOKEN", TOKEN), "AKIDBROWSER", "browser-secret",
        "--auth", "sigv4", "--credentials", "keys");
    serve = session.serve;
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
  void signInWithTheConsoleTokenToSeeTheStateMachines() throws Exception {
    session.sfn.createStateMachine(b -> b.name("Guarded").roleArn("arn:aws:iam::123456789012:role/r").definition(
          "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"));
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
    session.screenshot(name);
  }
}
