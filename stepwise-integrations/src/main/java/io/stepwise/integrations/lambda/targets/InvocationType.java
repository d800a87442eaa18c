package io.stepwise.integrations.lambda.targets;

/** Lambda's InvocationType, as Invoke spells it. */
public enum InvocationType {
  /** Run the function and wait for its response (the default). */
  REQUEST_RESPONSE("RequestResponse"),
  /** Queue the function to run and answer at once, 202 and no payload. */
  EVENT("Event"),
  /** Check the parameters and permissions without running the function: 204. */
  DRY_RUN("DryRun");

  private final String wire;

  InvocationType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The type Invoke's value names, or null when it names none. */
  public static InvocationType of(String wire) {
    for (InvocationType t : values()) {
      if (t.wire.equals(wire)) {
        return t;
      }
    }
    return null;
  }
}
