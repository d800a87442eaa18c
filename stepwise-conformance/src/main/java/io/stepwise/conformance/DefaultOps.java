package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The normalization ops LocalStack's sfn_snapshot fixture adds around a test's own. */
final class DefaultOps {
  private DefaultOps() {}

  /** The ops the fixture adds before a test's own (priority 0). */
  static List<JsonNode> before() {
    List<JsonNode> ops = new ArrayList<>();
    String[][] paths = {
      {"$..SdkHttpMetadata..Date", "date"},
      {"$..SdkResponseMetadata..RequestId", "RequestId"},
      {"$..X-Amzn-Trace-Id", "X-Amzn-Trace-Id"},
      {"$..x-amz-crc32", "x-amz-crc32"},
      {"$..x-amzn-RequestId", "x-amzn-RequestId"},
      {"$..x-amzn-requestid", "x-amzn-requestid"},
    };
    for (String[] p : paths) {
      ops.add(op("jsonpath_value").put("path", p[0]).put("replacement", p[1]));
    }
    ops.add(op("cause_json_input_reference").put("replacement", "json-input"));
    return ops;
  }

  /** The ops the fixture adds after a test's own (priority 2). */
  static List<JsonNode> after(String account, String region, String partition) {
    List<JsonNode> ops = new ArrayList<>();
    ops.add(op("regex").put("pattern", account).put("replacement", "1".repeat(12)));
    ops.add(op("regex").put("pattern", region).put("replacement", "<region>"));
    ops.add(op("regex").put("pattern", "arn:" + partition + ":").put("replacement", "arn:<partition>:"));
    ops.add(op("response_metadata"));
    ops.add(op("uuid_reference").put("replacement", "uuid"));
    ops.add(op("iso8601_date").put("replacement", "date"));
    ops.add(op("timestamp_keys").put("replacement", "timestamp"));
    return ops;
  }

  private static ObjectNode op(String kind) {
    return PyJson.nodes().objectNode().put("op", kind);
  }
}
