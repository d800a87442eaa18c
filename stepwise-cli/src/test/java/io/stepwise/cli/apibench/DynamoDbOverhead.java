package io.stepwise.cli.apibench;

import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.dynamodb.api.DynamoDbApi;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import io.stepwise.integrations.dynamodb.tasks.DynamoDbTasks;
import io.stepwise.integrations.dynamodb.tasks.LocalBackend;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The cost of a DynamoDB call made by a Task (not a unit test), beside the same call made directly
 * with the SDK's DynamoDbClient against the same local stand-in (tables in a SQLite file, every
 * write fsynced). One caller, calls one after another; per call, median and p99 of:
 * {@code sdk} DynamoDbClient on the Stepwise port; {@code task} an execution of one Task state in
 * the engine, in process; {@code sync} StartSyncExecution of an Express machine of that one Task
 * through SfnClient; {@code sync-pass} the same with a Pass state instead, what the API costs
 * without DynamoDB. Usage: {@code DynamoDbOverhead [calls]}.
 */
public final class DynamoDbOverhead {
  private DynamoDbOverhead() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path data = Files.createTempDirectory("stepwise-ddb-bench");
    LocalDynamoDb local = new LocalDynamoDb(TableStore.open(data), InstantSource.system(), "us-east-1", "123456789012");
    DynamoDbTasks tasks = new DynamoDbTasks(new LocalBackend(local, InstantSource.system()));
    try (Engine engine = Engine.builder().handler(tasks).build()) {
      ExecutionBackend backend = ExecutionBackend.open(data.resolve("executions"), engine, InstantSource.system());
      Server server = Server.builder(ServerConfig.defaults().withPort(0)).api(new DynamoDbApi(local))
          .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))).build().start();
      var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"));
      try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
              .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
          SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
              .httpClient(UrlConnectionHttpClient.create())
              .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)).build()) {
        ddb.createTable(b -> b.tableName("Bench").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("item-1"));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("item-1"), "qty", AttributeValue.fromN("7"),
            "name", AttributeValue.fromS("a pen of some length"));
        ddb.putItem(b -> b.tableName("Bench").item(item));
        String getParams = "{\"TableName\":\"Bench\",\"Key\":{\"pk\":{\"S\":\"item-1\"}}}";
        String putParams = "{\"TableName\":\"Bench\",\"Item\":{\"pk\":{\"S\":\"item-1\"},\"qty\":{\"N\":\"7\"},\"name\":{\"S\":\"a pen of some length\"}}}";
        String role = "arn:aws:iam::123456789012:role/b";
        String syncGet = sfn.createStateMachine(b -> b.name("get").type("EXPRESS").roleArn(role).definition(task("getItem", getParams)))
            .stateMachineArn();
        String syncPut = sfn.createStateMachine(b -> b.name("put").type("EXPRESS").roleArn(role).definition(task("putItem", putParams)))
            .stateMachineArn();
        String syncPass = sfn.createStateMachine(b -> b.name("pass").type("EXPRESS").roleArn(role)
            .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
        StateMachine getMachine = StateMachineParser.parse(task("getItem", getParams));
        StateMachine putMachine = StateMachineParser.parse(task("putItem", putParams));
        System.out.println("calls per row: " + calls + " (after as many to warm up)");
        report("getItem  sdk       ", calls, () -> ddb.getItem(b -> b.tableName("Bench").key(key)));
        report("getItem  task      ", calls, () -> check(engine.run(getMachine, "{}", RunOptions.defaults()).status()));
        report("getItem  sync      ", calls, () -> checkSync(sfn.startSyncExecution(b -> b.stateMachineArn(syncGet)).statusAsString()));
        report("putItem  sdk       ", calls, () -> ddb.putItem(b -> b.tableName("Bench").item(item)));
        report("putItem  task      ", calls, () -> check(engine.run(putMachine, "{}", RunOptions.defaults()).status()));
        report("putItem  sync      ", calls, () -> checkSync(sfn.startSyncExecution(b -> b.stateMachineArn(syncPut)).statusAsString()));
        report("pass     sync-pass ", calls, () -> checkSync(sfn.startSyncExecution(b -> b.stateMachineArn(syncPass)).statusAsString()));
      } finally {
        server.stop();
        backend.close();
        local.close();
      }
    }
  }

  private static String task(String action, String parameters) {
    return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:" + action
        + "\",\"Parameters\":" + parameters + ",\"End\":true}}}";
  }

  private static void check(ExecutionStatus s) {
    if (s != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("the execution ended " + s);
    }
  }

  private static void checkSync(String s) {
    if (!"SUCCEEDED".equals(s)) {
      throw new IllegalStateException("the execution ended " + s);
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void report(String label, int calls, Call call) throws Exception {
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("%s median %7.3f ms   p99 %7.3f ms%n", label, nanos[calls / 2] / 1e6, nanos[(int) (calls * 0.99)] / 1e6);
  }
}
