package io.stepwise.asl.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared fixtures directory that lives outside the repository: the STEPWISE_SHARED
 * system property or environment variable, else ../../shared or ../shared from the module.
 */
final class SharedDirectory {
  private SharedDirectory() {}

  /** {@code relative} under the shared directory, or null when it is not there. */
  static Path find(String relative) {
    String configured = System.getProperty("STEPWISE_SHARED", System.getenv("STEPWISE_SHARED"));
    for (String root : new String[] {configured, "../../shared", "../shared"}) {
      if (root != null && Files.isDirectory(Path.of(root, relative))) {
        return Path.of(root, relative);
      }
    }
    return null;
  }
}
