package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * ConsumedCapacity, when a request asks for it (ReturnConsumedCapacity TOTAL or INDEXES), counted
 * as DynamoDB bills: a read unit per 4 KB read (half for an eventually consistent read), a write
 * unit per 1 KB written.
 */
final class Capacity {
  private Capacity() {}

  static double read(long bytes, boolean consistent) {
    double units = Math.max(1, Math.ceil(bytes / 4096.0));
    return consistent ? units : units / 2;
  }

  static double write(long bytes) {
    return Math.max(1, Math.ceil(bytes / 1024.0));
  }

  static void add(ObjectNode out, Request r, String table, double units) {
    String mode = r.string("ReturnConsumedCapacity");
    if (mode != null && Set.of("TOTAL", "INDEXES").contains(mode)) {
      ObjectNode c = out.putObject("ConsumedCapacity");
      c.put("TableName", table);
      c.put("CapacityUnits", units);
      if (mode.equals("INDEXES")) {
        c.putObject("Table").put("CapacityUnits", units);
      }
    }
  }
}
