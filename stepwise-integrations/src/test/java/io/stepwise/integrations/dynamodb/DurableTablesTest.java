package io.stepwise.integrations.dynamodb;

import static io.stepwise.integrations.dynamodb.Ddb.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables live in dynamodb.db under the data directory: what was answered is there after a reopen. */
class DurableTablesTest {
  @TempDir Path data;

  @Test
  void tablesAndItemsSurviveAReopen() {
    try (Ddb ddb = new Ddb(data)) {
      ddb.table("Inventory", "S", null);
      ddb.call("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"3\"}}}");
    }
    assertThat(data.resolve("dynamodb.db")).exists();
    try (Ddb ddb = new Ddb(data)) {
      assertThat(ddb.call("ListTables", "{}")).isEqualTo(json("{\"TableNames\": [\"Inventory\"]}"));
      assertThat(ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}}}").get("Item"))
          .isEqualTo(json("{\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"3\"}}"));
      assertThat(ddb.call("DescribeTable", "{\"TableName\": \"Inventory\"}").at("/Table/ItemCount").asInt()).isEqualTo(1);
      assertThat(ddb.call("DeleteTable", "{\"TableName\": \"Inventory\"}").at("/TableDescription/TableStatus").asText()).isEqualTo("DELETING");
      assertThat(ddb.error("DescribeTable", "{\"TableName\": \"Inventory\"}").getMessage())
          .isEqualTo("Requested resource not found: Table: Inventory not found");
    }
  }

  @Test
  void withoutADataDirectoryTablesAreInMemory() {
    try (Ddb ddb = new Ddb(null)) {
      ddb.table("Inventory", "S", null);
      assertThat(ddb.dynamodb.where()).isEqualTo("in memory");
      assertThat(ddb.error("CreateTable", """
          {"TableName": "Inventory", "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}""").getMessage()).isEqualTo("Table already exists: Inventory");
    }
    try (Ddb ddb = new Ddb(null)) {
      assertThat(ddb.call("ListTables", "{}")).isEqualTo(json("{\"TableNames\": []}"));
    }
  }
}
