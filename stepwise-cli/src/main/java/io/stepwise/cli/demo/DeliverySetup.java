package io.stepwise.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * What the delivery assistant stands on, made when missing and left as it is when a second run
 * finds it: the Inventory (seeded with the products), Orders and Payments tables, the order-updates
 * topic, the courier-requests queue, the delivery-tracking activity and the state machine (its
 * definition brought up to date). Each Inventory item has, beside its stock, the map of the orders
 * holding some of it ({@code holds}: order id to quantity), which makes the workflow's stock writes
 * safe to repeat.
 */
final class DeliverySetup {
  private static final Logger log = LoggerFactory.getLogger(DeliverySetup.class);
  static final String MACHINE = "DeliveryAssistant";
  static final String ACTIVITY = "delivery-tracking";
  static final String QUEUE = "courier-requests";
  static final String TOPIC = "order-updates";

  /** The products and what each costs; every one starts with {@link #INITIAL_STOCK} in stock. */
  static final Map<String, Double> PRODUCTS = Map.of("TEA", 3.5, "MUG", 8.0, "KETTLE", 24.0, "BISCUITS", 2.25,
      "HONEY", 6.5, "JAM", 4.0, "BREAD", 2.75, "BUTTER", 3.0, "COFFEE", 9.5, "CAKE", 12.0);
  static final int INITIAL_STOCK = 100_000;

  /** The ARNs and URL the workers and the generator use. */
  record Resources(String stateMachineArn, String activityArn, String queueUrl, String topicArn, boolean seeded) {}

  private DeliverySetup() {}

  static Resources ensure(DemoClients c, String region, String account) {
    boolean seeded = table(c, "Inventory", "sku");
    if (seeded) {
      for (Map.Entry<String, Double> p : PRODUCTS.entrySet()) {
        c.dynamodb.putItem(b -> b.tableName("Inventory").item(Map.of("sku", s(p.getKey()),
            "stock", AttributeValue.fromN(Integer.toString(INITIAL_STOCK)), "price", AttributeValue.fromN(p.getValue().toString()),
            "holds", AttributeValue.fromM(Map.of()))));
      }
      log.info("Inventory seeded: {} products, {} of each", PRODUCTS.size(), INITIAL_STOCK);
    } else {
      // data from before orders held their stock by name: each item gets its (empty) map of holds
      for (String sku : PRODUCTS.keySet()) {
        try {
          c.dynamodb.updateItem(b -> b.tableName("Inventory").key(Map.of("sku", s(sku)))
              .updateExpression("SET holds = if_not_exists(holds, :none)").conditionExpression("attribute_exists(sku)")
              .expressionAttributeValues(Map.of(":none", AttributeValue.fromM(Map.of()))));
        } catch (ConditionalCheckFailedException e) {
          log.warn("Inventory has no {} (deleted?): orders of it fail OutOfStock", sku);
        }
      }
    }
    table(c, "Orders", "orderId");
    table(c, "Payments", "orderId");
    String topicArn = c.sns.createTopic(b -> b.name(TOPIC)).topicArn(); // CreateTopic is idempotent
    String queueUrl = c.sqs.createQueue(b -> b.queueName(QUEUE)).queueUrl();
    String activityArn = c.sfn.createActivity(b -> b.name(ACTIVITY)).activityArn();
    String definition = definition(region, account);
    String machineArn = c.sfn.listStateMachines().stateMachines().stream().filter(m -> m.name().equals(MACHINE))
        .map(StateMachineListItem::stateMachineArn).findFirst().orElse(null);
    if (machineArn == null) {
      machineArn = c.sfn.createStateMachine(b -> b.name(MACHINE).definition(definition)
          .roleArn("arn:aws:iam::" + account + ":role/delivery-assistant")).stateMachineArn();
      log.info("State machine {} created", machineArn);
    } else if (!definitionOf(c, machineArn).equals(definition)) {
      String arn = machineArn;
      c.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition));
      log.info("State machine {} updated to this version's definition", machineArn);
    }
    return new Resources(machineArn, activityArn, queueUrl, topicArn, seeded);
  }

  private static String definitionOf(DemoClients c, String arn) {
    return c.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition();
  }

  /** Creates the table keyed by one string attribute unless it exists; true when it was created. */
  private static boolean table(DemoClients c, String name, String key) {
    try {
      c.dynamodb.describeTable(b -> b.tableName(name));
      return false;
    } catch (ResourceNotFoundException e) {
      c.dynamodb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build())
          .keySchema(List.of(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build())));
      log.info("Table {} created", name);
      return true;
    }
  }

  /** The definition as examples/delivery has it, with the server's region and account in its ARNs. */
  static String definition(String region, String account) {
    return resource("delivery.asl.json").replace("us-east-1", region).replace("123456789012", account);
  }

  static String resource(String name) {
    try (InputStream in = DeliverySetup.class.getResourceAsStream("delivery/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the delivery assistant's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }
}
