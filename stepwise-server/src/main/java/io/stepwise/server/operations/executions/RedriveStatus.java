package io.stepwise.server.operations.executions;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RedriveRules;
import io.stepwise.store.ExecutionRow;

/**
 * DescribeExecution's {@code redriveStatus} and {@code redriveStatusReason}: whether a redrive
 * would be taken now, and, when not, AWS's reason. A Distributed Map's child says whether its Map
 * Run could redrive it: an Express one REDRIVABLE_BY_MAP_RUN unless it succeeded, a Standard one
 * REDRIVABLE_BY_MAP_RUN when AWS's rules allow its redrive (inferred: AWS says its status tells
 * whether the Map Run can redrive it).
 *
 * @param reason null unless NOT_REDRIVABLE
 */
record RedriveStatus(String status, String reason) {
  static RedriveStatus of(ExecutionRow row, long now) {
    if (row.mapRunArn() != null && row.record().type() == ExecutionType.EXPRESS) {
      return row.status() == ExecutionStatus.SUCCEEDED
          ? new RedriveStatus("NOT_REDRIVABLE", RedriveRules.SUCCEEDED) : new RedriveStatus("REDRIVABLE_BY_MAP_RUN", null);
    }
    String reason = RedriveRules.notRedrivable(row.record().type(), row.status(), row.startDate(), row.stopDate(), row.events(), now);
    if (reason != null) {
      return new RedriveStatus("NOT_REDRIVABLE", reason);
    }
    // a Standard child is redriven by a redrive of its Map Run (its parent), not on its own
    return new RedriveStatus(row.mapRunArn() != null ? "REDRIVABLE_BY_MAP_RUN" : "REDRIVABLE", null);
  }
}
