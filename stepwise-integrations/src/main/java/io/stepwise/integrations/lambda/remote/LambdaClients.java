package io.stepwise.integrations.lambda.remote;

import io.stepwise.integrations.config.ServiceSettings;
import java.time.Duration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The SDK's Lambda client for the {@code services.lambda} settings (an endpoint, or AWS itself). */
public final class LambdaClients {
  private LambdaClients() {}

  /**
   * @param settings {@code services.lambda}; for a local one, AWS's endpoint with the default credentials
   * @param region the region to use when the settings name none
   */
  public static LambdaClient create(ServiceSettings settings, String region) {
    String r = settings.region() != null ? settings.region() : region;
    var b = LambdaClient.builder().region(Region.of(r)).credentialsProvider(settings.credentials())
        // Invoke waits for the function: up to Lambda's 15 minutes
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(16)).connectionTimeout(Duration.ofSeconds(10))
            .build())
        // no retries of the SDK's own: the state machine's Retry decides, as AWS advises for Lambda's transient errors
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(s -> s.maxAttempts(1)));
    if (!settings.isLocal() && !settings.isAws()) {
      b.endpointOverride(settings.endpoint());
    }
    return b.build();
  }

  /** Where a client of these settings points, for the log. */
  public static String where(ServiceSettings settings, String region) {
    String r = settings.region() != null ? settings.region() : region;
    return (settings.isLocal() || settings.isAws() ? "AWS Lambda" : settings.endpoint().toString()) + " in " + r;
  }

}
