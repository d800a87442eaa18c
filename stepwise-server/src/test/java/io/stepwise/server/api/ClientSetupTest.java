package io.stepwise.server.api;

import static io.stepwise.server.TestServer.PASS;
import static io.stepwise.server.TestServer.ROLE;
import static io.stepwise.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.server.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** How clients are set up for a local endpoint, and many of them at once. */
class ClientSetupTest {
  /**
   * StartSyncExecution and TestState have the endpoint host prefix "sync-" in the API model: a
   * client would call sync-127.0.0.1 unless host prefix injection is off. With it off, the call
   * reaches this server (which does not implement the operation yet, and says so).
   */
  @Test
  void withHostPrefixInjectionOffTheSyncOperationsReachTheServer() {
    try (TestServer t = new TestServer();
        SfnClient client = SfnClient.builder()
            .endpointOverride(t.server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build()) {
      SfnException e = catchThrowableOfType(SfnException.class,
          () -> client.startSyncExecution(b -> b.stateMachineArn(t.stateMachineArn("m"))));
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stepwise does not implement StartSyncExecution yet");
    }
  }

  /** The same create from many clients at once is one state machine; different ones are all there. */
  @Test
  void concurrentCreatesAreIdempotentAndIsolated() throws Exception {
    try (TestServer t = new TestServer()) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        String name = unique("race");
        List<Future<CreateStateMachineResponse>> same = new ArrayList<>();
        List<Future<CreateStateMachineResponse>> distinct = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          int n = i;
          same.add(pool.submit(() -> t.sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE).publish(true))));
          distinct.add(pool.submit(() -> t.sfn.createStateMachine(b -> b.name(name + "-" + n).definition(PASS).roleArn(ROLE))));
        }
        Set<String> versions = new HashSet<>();
        for (Future<CreateStateMachineResponse> f : same) {
          versions.add(f.get().stateMachineVersionArn());
        }
        assertThat(versions).containsExactly(t.stateMachineArn(name) + ":1");
        for (Future<CreateStateMachineResponse> f : distinct) {
          f.get();
        }
        assertThat(t.sfn.listStateMachinesPaginator(b -> b.maxResults(5)).stateMachines()).hasSize(33);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
