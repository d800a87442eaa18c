package io.stepwise.server.teststate;

import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SplittableRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A server whose executions are stored in a SQLite file, on the engine given, and the SDK's
 * SfnClient for it (host prefix injection off, as for a local endpoint).
 */
final class TestStateServer implements AutoCloseable {
  final Engine engine;
  final SfnClient sfn;
  private final ExecutionBackend backend;
  private final TestServer api;

  TestStateServer(Path data, Engine engine) {
    this.engine = engine;
    this.backend = ExecutionBackend.open(data, engine, InstantSource.system());
    this.api = new TestServer(b -> b.operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1)))));
    this.sfn = SfnClient.builder()
        .endpointOverride(api.server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  @Override
  public void close() {
    sfn.close();
    api.close();
    backend.close();
    engine.close();
  }
}
