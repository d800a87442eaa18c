package io.stepwise.layout;

import io.stepwise.asl.graph.GraphBuilder;
import io.stepwise.asl.graph.WorkflowGraph;
import io.stepwise.asl.json.Json;

/** Definitions the layout tests draw. */
final class Definitions {
  private Definitions() {}

  /** Every kind of node and edge: a Choice with a long rule and a Default, Catch, Retry, a Parallel (one branch holding a Map) and a Map (with a Retry on it). */
  static final String EVERYTHING = """
      {"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[
            {"And":[{"Variable":"$.order.total","NumericGreaterThan":100},{"Variable":"$.order.customer.tier","StringEquals":"gold"}],"Next":"Charge"}],
          "Default":"Reject"},
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Fan",
          "Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":2}],
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Reject"}]},
        "Fan":{"Type":"Parallel","Next":"Each","Branches":[
          {"StartAt":"Email","States":{"Email":{"Type":"Pass","Next":"PerLine"},
            "PerLine":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Line","States":{
              "Line":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
                "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Skip"}]},
              "Skip":{"Type":"Pass","End":true}}}}}},
          {"StartAt":"Audit","States":{"Audit":{"Type":"Pass","Next":"Archive"},"Archive":{"Type":"Pass","End":true}}}]},
        "Each":{"Type":"Map","ItemsPath":"$.items","Next":"Done",
          "Retry":[{"ErrorEquals":["States.ALL"]}],
          "ItemProcessor":{"StartAt":"Ship","States":{"Ship":{"Type":"Pass","End":true}}}},
        "Done":{"Type":"Succeed"},
        "Reject":{"Type":"Fail","Error":"Rejected"}}}""";

  static WorkflowGraph graph(String definition) {
    try {
      return GraphBuilder.of(Json.parse(definition));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} states: a chain in which every tenth state is a Choice that skips ahead or goes on. */
  static String chain(int n) {
    StringBuilder b = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      String next = i == n - 1 ? null : "S" + (i + 1);
      if (next == null) {
        b.append("\"S").append(i).append("\":{\"Type\":\"Succeed\"}");
      } else if (i % 10 == 5) {
        String skip = "S" + Math.min(n - 1, i + 3);
        b.append("\"S").append(i).append("\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\",\"NumericEquals\":")
            .append(i).append(",\"Next\":\"").append(skip).append("\"}],\"Default\":\"").append(next).append("\"}");
      } else {
        b.append("\"S").append(i).append("\":{\"Type\":\"Pass\",\"Next\":\"").append(next).append("\"}");
      }
    }
    return b.append("}}").toString();
  }
}
