package io.stepwise.cli.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting of {@code stepwise serve}: its key in {@code stepwise.yaml}, its environment variable,
 * its flag, its default, and how its text is read and checked (IllegalArgumentException saying
 * what is wrong; the caller names where the text came from).
 */
public enum Setting {
  HOST("host", "STEPWISE_HOST", "--host", "127.0.0.1", t -> {
    if (t.isBlank()) {
      throw new IllegalArgumentException("the host must not be empty");
    }
    return t.strip();
  }),
  PORT("port", "STEPWISE_PORT", "--port", "8083", t -> {
    int p;
    try {
      p = Integer.parseInt(t.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number: '" + t + "'");
    }
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("the port must be 0 to 65535, not " + p);
    }
    return p;
  }),
  DATA("data", "STEPWISE_DATA", "--data", "stepwise-data", t -> t),
  REGION("region", "STEPWISE_REGION", "--region", "us-east-1", t -> {
    if (!Patterns.REGION.matcher(t).matches()) {
      throw new IllegalArgumentException("not an AWS region name: " + t + " (e.g. us-east-1)");
    }
    return t;
  }),
  ACCOUNT("account", "STEPWISE_ACCOUNT", "--account", "123456789012", t -> {
    if (!Patterns.ACCOUNT.matcher(t).matches()) {
      throw new IllegalArgumentException("an AWS account id is 12 digits, not " + t + " (in YAML, quote one with leading zeros)");
    }
    return t;
  }),
  MAX_IN_FLIGHT("maxInFlight", "STEPWISE_MAX_IN_FLIGHT", "--max-in-flight", "512", t -> {
    int n;
    try {
      n = Integer.parseInt(t.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: '" + t + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException("at least 1 request must be taken at once, not " + n);
    }
    return n;
  }),
  /** Optional.empty(): kept forever ("never"). */
  RETENTION("retention", "STEPWISE_RETENTION", "--retention", "90d", t -> {
    if (t.strip().equalsIgnoreCase("never")) {
      return Optional.<Duration>empty();
    }
    Duration d = Durations.parse(t);
    if (d.toSeconds() < 1) {
      throw new IllegalArgumentException("the retention must be at least 1s (or never), not " + t);
    }
    return Optional.of(d);
  }),
  AUTH("auth.mode", "STEPWISE_AUTH", "--auth", "none", t -> switch (t.strip().toLowerCase(java.util.Locale.ROOT)) {
    case "none" -> AuthMode.NONE;
    case "sigv4" -> AuthMode.SIGV4;
    default -> throw new IllegalArgumentException("must be none or sigv4, not '" + t + "'");
  }),
  CREDENTIALS("auth.credentials", "STEPWISE_CREDENTIALS", "--credentials", null, t -> t),
  /** The token the console is signed in with (auth sigv4); null: one is generated at start. */
  CONSOLE_TOKEN("auth.consoleToken", "STEPWISE_CONSOLE_TOKEN", "--console-token", null, t -> {
    String token = t.strip();
    if (token.length() < io.stepwise.server.auth.ConsoleSessions.MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("a console token must be at least " + io.stepwise.server.auth.ConsoleSessions.MIN_TOKEN_LENGTH
          + " characters, not " + token.length() + " (leave it unset to have one generated)");
    }
    return token;
  }),
  /** Step Functions Local's mock configuration file (its SFN_MOCK_CONFIG is read after this, by ServeCommand). */
  MOCK_CONFIG("mockConfig", "STEPWISE_MOCK_CONFIG", "--mock-config", null, t -> t),
  /** Where execution logs go: stdout, or a directory (one file per log group); null: DATA/execution-logs. */
  EXECUTION_LOGS("executionLogs", "STEPWISE_EXECUTION_LOGS", "--execution-logs", null, t -> {
    if (t.isBlank()) {
      throw new IllegalArgumentException("must be stdout or a directory, not empty");
    }
    return t.strip();
  });

  /** How requests are authenticated: none (any credentials accepted) or AWS Signature Version 4. */
  public enum AuthMode { NONE, SIGV4 }

  private static final class Patterns {
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  }

  final String fileKey;
  final String env;
  final String flag;
  final String defaultText;
  private final Function<String, Object> parser;

  Setting(String fileKey, String env, String flag, String defaultText, Function<String, Object> parser) {
    this.fileKey = fileKey;
    this.env = env;
    this.flag = flag;
    this.defaultText = defaultText;
    this.parser = parser;
  }

  /** The value of this text; IllegalArgumentException saying what is wrong with it. */
  Object parse(String text) {
    return parser.apply(text);
  }

  boolean isPath() {
    return this == DATA || this == CREDENTIALS || this == MOCK_CONFIG;
  }

  /** A path as given, {@code ~/} meaning the home folder, relative ones against {@code dir}. */
  static Path resolvePath(String text, Path dir) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("a path must not be empty");
    }
    if (t.equals("~") || t.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(t.substring(Math.min(2, t.length())));
    }
    return dir.resolve(t).normalize();
  }
}
