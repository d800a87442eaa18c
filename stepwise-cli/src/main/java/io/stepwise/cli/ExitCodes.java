package io.stepwise.cli;

/** What every command's exit code means, so that a script can tell the cases apart. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** An execution (or a case, or a benchmark's check) ran and did not succeed. */
  public static final int FAILED = 1;
  /** The command line or one of its files or values cannot be used (picocli's code for usage errors too). */
  public static final int USAGE = 2;
  /** A state machine definition is invalid. */
  public static final int INVALID_DEFINITION = 3;

  /** A bug in Stepwise (EX_SOFTWARE). */
  public static final int INTERNAL = 70;

  /** The help text's list, the same in every command. */
  public static final String HEADING = "%nExit codes:%n";
  public static final String OK_LINE = "0:Success.";
  public static final String FAILED_LINE = "1:The execution failed, timed out or was aborted (conformance: a pass rate below its floor; bench: a wrong result; test: a case failed).";
  public static final String USAGE_LINE = "2:Usage or input error: an unknown option, a missing or unreadable file, malformed JSON.";
  public static final String INVALID_LINE = "3:A definition is invalid.";
  public static final String INTERNAL_LINE = "70:An internal error (a bug in Stepwise).";
}
