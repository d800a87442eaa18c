package io.stepwise.integrations.messaging;

import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServiceSettings;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS SDK v2 client for a remote service as its settings say: the endpoint URL (none for AWS
 * itself), the region (else the server's), static credentials (else the SDK's default chain),
 * over the JDK's HTTP connection.
 */
public final class SdkClients {
  private SdkClients() {}

  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, ServiceSettings s, IntegrationContext context) {
    builder.region(Region.of(s.region() != null ? s.region() : context.region()));
    if (!s.isAws()) {
      builder.endpointOverride(s.endpoint());
    }
    builder.credentialsProvider(s.credentials());
    builder.httpClientBuilder(UrlConnectionHttpClient.builder());
    return builder.build();
  }

  /** A remote service's error: its modelled shape (null for the service's base exception), code, status, request id. */
  public static ServiceError error(software.amazon.awssdk.awscore.exception.AwsServiceException e, Class<?> baseException) {
    String shape = e.getClass() == baseException ? null : e.getClass().getSimpleName().replaceAll("Exception$", "");
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
    return new ServiceError(e.statusCode(), shape, code, message, e.requestId());
  }
}
