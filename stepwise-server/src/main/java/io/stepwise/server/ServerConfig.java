package io.stepwise.server;

import java.util.regex.Pattern;

/**
 * How a server is set up, checked when made: where it listens, the region and account its ARNs
 * name (Step Functions Local's defaults: us-east-1, 123456789012), and its limits.
 *
 * @param port 0 to take any free port (tests), else 1 to 65535
 */
public record ServerConfig(String host, int port, String region, String accountId, ServerLimits limits) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8083;
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

  public ServerConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the port must be 0 to 65535, not " + port);
    }
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not an AWS region name: " + region + " (e.g. us-east-1)");
    }
    if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("an AWS account id is 12 digits, not " + accountId);
    }
    if (limits == null) {
      throw new IllegalArgumentException("the limits must be given");
    }
  }

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_REGION, DEFAULT_ACCOUNT, ServerLimits.defaults());
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, region, accountId, limits);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, region, accountId, limits);
  }

  public ServerConfig withRegion(String r) {
    return new ServerConfig(host, port, r, accountId, limits);
  }

  public ServerConfig withAccountId(String a) {
    return new ServerConfig(host, port, region, a, limits);
  }

  public ServerConfig withLimits(ServerLimits l) {
    return new ServerConfig(host, port, region, accountId, l);
  }
}
