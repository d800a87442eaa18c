package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.time.InstantSource;

/**
 * The local DynamoDB: its operations on DynamoDB JSON, as the service answers them, over a
 * {@link TableStore}. Both the JSON API on the Stepwise port and the Task integrations call it.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private final TableStore store;
  private final TableOperations tables;
  private final ItemOperations items;
  private final ReadOperations reads;
  private final BatchOperations batches;
  private final TransactOperations transactions;

  /**
   * @param region and {@code account}: the tables' ARNs
   */
  public LocalDynamoDb(TableStore store, InstantSource clock, String region, String account) {
    this.store = store;
    this.tables = new TableOperations(store, clock, region, account);
    this.items = new ItemOperations(store);
    this.reads = new ReadOperations(store);
    this.batches = new BatchOperations(store);
    this.transactions = new TransactOperations(store);
  }

  /**
   * Runs one operation.
   *
   * @param operation as the target names it: {@code PutItem}
   * @throws DynamoDbException DynamoDB's error answer
   */
  public JsonNode call(String operation, JsonNode input) {
    Request r = new Request(input);
    return switch (operation) {
      case "CreateTable" -> tables.create(r);
      case "DescribeTable" -> tables.describe(r);
      case "ListTables" -> tables.list(r);
      case "DeleteTable" -> tables.delete(r);
      case "GetItem" -> items.get(r);
      case "PutItem" -> items.put(r);
      case "UpdateItem" -> items.update(r);
      case "DeleteItem" -> items.delete(r);
      case "Query" -> reads.query(r);
      case "Scan" -> reads.scan(r);
      case "BatchGetItem" -> batches.get(r);
      case "BatchWriteItem" -> batches.write(r);
      case "TransactWriteItems" -> transactions.write(r);
      case "TransactGetItems" -> transactions.get(r);
      default -> throw DynamoDbException.unknownOperation(operation);
    };
  }

  /** Where the tables are kept, for the log. */
  public String where() {
    return store.where();
  }

  @Override
  public void close() {
    store.close();
  }
}
