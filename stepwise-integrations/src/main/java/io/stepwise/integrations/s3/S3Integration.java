package io.stepwise.integrations.s3;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * S3 as {@code stepwise serve} runs it: local buckets in {@code DATA/s3/} (a folder per bucket, a
 * file per object: put files there to seed a Distributed Map's ItemReader), or a real endpoint.
 * Without a data directory the local buckets live in a temporary folder, deleted at close.
 */
public final class S3Integration implements Integration {
  private final S3Tasks tasks;
  private final String description;
  private final AutoCloseable closer;

  private S3Integration(S3Tasks tasks, String description, AutoCloseable closer) {
    this.tasks = tasks;
    this.description = description;
    this.closer = closer;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings s = context.services().of("s3");
    if (!s.isLocal()) {
      RemoteBuckets remote = new RemoteBuckets(s, context.region());
      return new S3Integration(new S3Tasks(remote, "S3 at " + s.describe()), s.describe(), remote);
    }
    Path root;
    boolean temporary = context.dataDir() == null;
    try {
      root = temporary ? Files.createTempDirectory("stepwise-s3-") : context.dataDir().resolve("s3");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make a folder for the local buckets", e);
    }
    LocalBuckets local = new LocalBuckets(root);
    AutoCloseable cleanup = temporary ? () -> deleteTree(root) : () -> { };
    return new S3Integration(new S3Tasks(local, "the local S3 stand-in"),
        "local (buckets are the folders of " + root + (temporary ? ", deleted when Stepwise stops" : "") + ")", cleanup);
  }

  /** Local buckets in a folder, for the Java API and tests. */
  public static TaskHandler localHandler(Path root) {
    return new S3Tasks(new LocalBuckets(root), "the local S3 stand-in");
  }

  @Override
  public String service() {
    return "s3";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(tasks);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      // nothing is lost: a client's connections, or a temporary folder
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
