package io.stepwise.integrations.config;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How Stepwise reaches one service: its built-in local stand-in (the default), or an endpoint
 * (AWS itself, or any compatible server) through the AWS SDK for Java v2.
 *
 * @param service the service's key: {@code lambda}, {@code dynamodb}, {@code s3}, {@code sqs},
 *     {@code sns}, {@code eventbridge}
 * @param endpoint null for the local stand-in; else the endpoint's URL, or {@code aws} for AWS's
 *     own endpoint of the region ({@link #AWS})
 * @param region the endpoint's region; null: the server's region
 * @param accessKeyId with {@code secretAccessKey} (and an optional session token): static
 *     credentials; null: the SDK's default credential chain (environment, profile, instance role)
 */
public record ServiceSettings(String service, URI endpoint, String region, String accessKeyId, String secretAccessKey,
    String sessionToken) {
  /** The endpoint value that means AWS's own endpoint for the region. */
  public static final URI AWS = URI.create("aws:default");

  public static ServiceSettings local(String service) {
    return new ServiceSettings(service, null, null, null, null, null);
  }

  public boolean isLocal() {
    return endpoint == null;
  }

  public boolean isAws() {
    return AWS.equals(endpoint);
  }

  /** The credentials a client of these settings signs with: the static ones given, else the SDK's default chain. */
  public AwsCredentialsProvider credentials() {
    if (accessKeyId == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(sessionToken == null
        ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
        : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
  }

  /** For the log: {@code local}, or where and with which credentials (never the secret). */
  public String describe() {
    if (isLocal()) {
      return "local";
    }
    String where = isAws() ? "AWS" : endpoint.toString();
    String creds = accessKeyId == null ? "the SDK's default credentials" : "access key " + accessKeyId;
    return where + (region == null ? "" : " in " + region) + ", " + creds;
  }
}
