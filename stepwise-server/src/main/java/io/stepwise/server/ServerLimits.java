package io.stepwise.server;

import java.time.Duration;

/**
 * What the server holds requests to.
 *
 * @param maxRequestBytes the largest request body taken; a larger one is refused (413) without
 *     being read whole. The default leaves room for the largest definition AWS takes (1 MiB of
 *     characters) in its JSON envelope.
 * @param maxInFlightRequests how many requests are handled at once; beyond that a request is
 *     answered ThrottlingException at once (the SDKs retry it with back-off) instead of queueing
 * @param shutdownGrace how long a stop waits for the requests under way to finish
 */
public record ServerLimits(int maxRequestBytes, int maxInFlightRequests, Duration shutdownGrace) {
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576 + 64 * 1024;
  public static final int DEFAULT_MAX_IN_FLIGHT = 512;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

  public ServerLimits {
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1024, not " + maxRequestBytes);
    }
    if (maxInFlightRequests < 1) {
      throw new IllegalArgumentException("maxInFlightRequests must be at least 1, not " + maxInFlightRequests);
    }
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must be zero or more, not " + shutdownGrace);
    }
  }

  public static ServerLimits defaults() {
    return new ServerLimits(DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_IN_FLIGHT, DEFAULT_SHUTDOWN_GRACE);
  }

  public ServerLimits withMaxInFlightRequests(int n) {
    return new ServerLimits(maxRequestBytes, n, shutdownGrace);
  }

  public ServerLimits withMaxRequestBytes(int n) {
    return new ServerLimits(n, maxInFlightRequests, shutdownGrace);
  }

  public ServerLimits withShutdownGrace(Duration d) {
    return new ServerLimits(maxRequestBytes, maxInFlightRequests, d);
  }
}
