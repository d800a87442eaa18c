package io.stepwise.cli.serve;

/** A setting that cannot be used: the message names where it came from and what is wrong (exit 2). */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
