package io.stepwise.integrations.dynamodb;

import static io.stepwise.integrations.dynamodb.Ddb.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query and Scan: key order, key conditions, filters, pages. */
class ReadOperationsTest {
  Ddb ddb;

  @BeforeEach
  void open() {
    ddb = new Ddb(null);
    ddb.table("Events", "S", "N");
    for (String n : List.of("10", "-2.5", "0", "3", "-10", "100", "7.0")) {
      ddb.call("PutItem", "{\"TableName\": \"Events\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"" + n + "\"}, \"n\": {\"S\": \"" + n + "\"}}}");
    }
    ddb.call("PutItem", "{\"TableName\": \"Events\", \"Item\": {\"pk\": {\"S\": \"b\"}, \"sk\": {\"N\": \"1\"}}}");
  }

  @AfterEach
  void close() {
    ddb.close();
  }

  private static List<String> sortKeys(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("Items").forEach(i -> out.add(i.at("/sk/N").asText()));
    return out;
  }

  @Test
  void aQueryReadsOnePartitionInNumericOrderEitherWay() {
    JsonNode all = ddb.call("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"pk = :p\", \"ExpressionAttributeValues\": {\":p\": {\"S\": \"a\"}}}");
    assertThat(sortKeys(all)).containsExactly("-10", "-2.5", "0", "3", "7", "10", "100");
    assertThat(all.get("Count").asInt()).isEqualTo(7);
    assertThat(all.has("LastEvaluatedKey")).isFalse();
    JsonNode back = ddb.call("Query", """
        {"TableName": "Events", "KeyConditionExpression": "pk = :p AND sk BETWEEN :lo AND :hi", "ScanIndexForward": false,
         "ExpressionAttributeValues": {":p": {"S": "a"}, ":lo": {"N": "-3"}, ":hi": {"N": "10"}}}""");
    assertThat(sortKeys(back)).containsExactly("10", "7", "3", "0", "-2.5");
  }

  @Test
  void pagesEndAtTheLimitWithTheLastKeyReadAndAFilterAppliesAfterIt() {
    String q = "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"pk = :p\", \"FilterExpression\": \"n <> :ten\", \"Limit\": 3,"
        + " \"ExpressionAttributeValues\": {\":p\": {\"S\": \"a\"}, \":ten\": {\"S\": \"10\"}}%s}";
    JsonNode first = ddb.call("Query", q.formatted(""));
    assertThat(sortKeys(first)).containsExactly("-10", "-2.5", "0");
    assertThat(first.get("LastEvaluatedKey")).isEqualTo(json("{\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"0\"}}"));
    JsonNode second = ddb.call("Query", q.formatted(", \"ExclusiveStartKey\": " + first.get("LastEvaluatedKey")));
    assertThat(sortKeys(second)).as("10 read, then filtered out").containsExactly("3", "7");
    assertThat(second.get("ScannedCount").asInt()).isEqualTo(3);
    JsonNode third = ddb.call("Query", q.formatted(", \"ExclusiveStartKey\": " + second.get("LastEvaluatedKey")));
    assertThat(sortKeys(third)).containsExactly("100");
    assertThat(third.has("LastEvaluatedKey")).as("fewer than the limit were left").isFalse();
  }

  @Test
  void keyConditionsDynamoDbRefuses() {
    assertThat(ddb.error("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"sk = :v\", \"ExpressionAttributeValues\": {\":v\": {\"N\": \"1\"}}}")
        .getMessage()).isEqualTo("Query condition missed key schema element: pk");
    assertThat(ddb.error("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"pk < :v\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"1\"}}}")
        .getMessage()).isEqualTo("Query key condition not supported");
    assertThat(ddb.error("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"pk = :v OR sk = :n\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"1\"}, \":n\": {\"N\": \"1\"}}}")
        .getMessage()).isEqualTo("Invalid operator used in KeyConditionExpression: OR");
    assertThat(ddb.error("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \"pk = :v\", \"FilterExpression\": \"sk > :v\", \"ExpressionAttributeValues\": {\":v\": {\"S\": \"1\"}}}")
        .getMessage()).isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
  }

  @Test
  void aScanWalksEveryItemOnceAcrossPagesAndSegments() {
    Set<String> seen = new HashSet<>();
    JsonNode start = null;
    int pages = 0;
    do {
      JsonNode page = ddb.call("Scan", "{\"TableName\": \"Events\", \"Limit\": 3" + (start == null ? "" : ", \"ExclusiveStartKey\": " + start) + "}");
      page.get("Items").forEach(i -> assertThat(seen.add(i.at("/pk/S").asText() + i.at("/sk/N").asText())).isTrue());
      start = page.get("LastEvaluatedKey");
      pages++;
    } while (start != null);
    assertThat(seen).hasSize(8);
    assertThat(pages).isEqualTo(3);
    int segmented = 0;
    for (int s = 0; s < 3; s++) {
      segmented += ddb.call("Scan", "{\"TableName\": \"Events\", \"Segment\": " + s + ", \"TotalSegments\": 3}").get("Count").asInt();
    }
    assertThat(segmented).isEqualTo(8);
    assertThat(ddb.call("Scan", "{\"TableName\": \"Events\", \"Select\": \"COUNT\", \"FilterExpression\": \"attribute_exists(n)\"}"))
        .isEqualTo(json("{\"Count\": 7, \"ScannedCount\": 8}"));
  }
}
