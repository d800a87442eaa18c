package io.stepwise.asl.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared fixtures directory that lives outside the repository: the STEPWISE_SHARED
 * system property or environment variable, else ../../shared or ../shared from the module.
 */
public final class SharedDirectory {
  private SharedDirectory() {}

  /** {@code relative} under the shared directory, or null when it is not there. */
  public static Path find(String relative) {
    String configured = System.getProperty("STEPWISE_SHARED", System.getenv("STEPWISE_SHARED"));
    for (String root : new String[] {configured, "../../shared", "../shared"}) {
      if (root != null && Files.isDirectory(Path.of(root, relative))) {
        return Path.of(root, relative);
      }
    }
    return null;
  }

  /**
   * What a corpus test factory returns when its corpus is not beside the repository (as in a
   * fresh clone): one test, reported as skipped with the reason, rather than none at all.
   */
  public static java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> skipped(String relative) {
    String reason = "skipped: ../shared/" + relative + " is not beside the repository (set STEPWISE_SHARED to its parent)";
    return java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest.dynamicTest(reason,
        () -> org.junit.jupiter.api.Assumptions.abort(reason)));
  }
}
