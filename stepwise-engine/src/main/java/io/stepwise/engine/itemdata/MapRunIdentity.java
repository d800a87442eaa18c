package io.stepwise.engine.itemdata;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The names of a Map Run and of its child executions, of AWS's shape:
 * {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:UUID}, children
 * {@code ...:execution:MACHINE/LABEL:UUID} of the state machine {@code MACHINE/LABEL}.
 *
 * @param id the Map Run's UUID, the folder its results are written to
 * @param startMillis when the run started (its children's StartDate)
 */
public record MapRunIdentity(String arn, String id, String childMachineArn, String childExecutionPrefix, long startMillis) {

  /** Ids derived from a seed (execution and event), so replaying the execution names the same run. */
  public static MapRunIdentity of(String partition, String region, String account, String machine, String label, String seed, long startMillis) {
    String id = uuid(seed);
    String prefix = "arn:" + partition + ":states:" + region + ":" + account + ":";
    return new MapRunIdentity(
        prefix + "mapRun:" + machine + "/" + label + ":" + id,
        id,
        prefix + "stateMachine:" + machine + "/" + label,
        prefix + "execution:" + machine + "/" + label + ":",
        startMillis);
  }

  /** The child state machine's name: the parent's and the Map's label, {@code MACHINE/LABEL}. */
  public String childMachineName() {
    return childMachineArn.substring(childMachineArn.indexOf(":stateMachine:") + ":stateMachine:".length());
  }

  /**
   * A child execution's ARN: {@code ...:execution:MACHINE/LABEL:NAME}, or for an EXPRESS child
   * {@code ...:express:MACHINE/LABEL:NAME:UUID}, as AWS names Express executions.
   */
  public String childArn(int index, boolean express) {
    String name = childName(index);
    if (!express) {
      return childExecutionPrefix + name;
    }
    return childExecutionPrefix.replace(":execution:", ":express:") + name + ":" + uuid(name + "/express");
  }

  /** A child execution's name: a UUID of the run and the item's index. */
  public String childName(int index) {
    return uuid(id + "/" + index);
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
