package io.stepwise.integrations.lambda.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The command protocol's helper libraries (examples/lambda: {@code stepwise_lambda.py},
 * {@code stepwise_lambda.js}), bundled in the jar so that a tool can run handlers without a copy
 * of the repository beside it.
 */
public final class Runtimes {
  public static final String PYTHON = "python/stepwise_lambda.py";
  public static final String NODE = "node/stepwise_lambda.js";

  private Runtimes() {}

  /** Writes the helper into {@code dir} (its file name kept) and returns its path. */
  public static Path extract(String helper, Path dir) throws IOException {
    String resource = "/io/stepwise/integrations/lambda/runtime/" + helper;
    try (InputStream in = Runtimes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the helper " + helper + " is not bundled (" + resource + ")");
      }
      Path out = dir.resolve(Path.of(helper).getFileName().toString());
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    }
  }
}
