package io.stepwise.cli.demo;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients the demo's parts use against its Stepwise endpoint, as any program of the
 * user's would (Step Functions, and the local DynamoDB, SQS and SNS on the same port).
 */
final class DemoClients implements AutoCloseable {
  final SfnClient sfn;
  final DynamoDbClient dynamodb;
  final SqsClient sqs;
  final SnsClient sns;

  DemoClients(URI endpoint, String region, String accessKey, String secretKey) {
    this(endpoint, region, accessKey, secretKey, null);
  }

  /** @param sessionToken the key's session token, or null for a long-term key */
  DemoClients(URI endpoint, String region, String accessKey, String secretKey, String sessionToken) {
    var credentials = StaticCredentialsProvider.create(sessionToken == null ? AwsBasicCredentials.create(accessKey, secretKey)
        : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
    Region r = Region.of(region);
    // one HTTP client each: the courier's long polls must not hold connections the others need
    // GetActivityTask holds its long poll up to 60 s: a shorter read time-out would leave the
    // server a poll to hand a task to after this client has given up on it
    sfn = SfnClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(java.time.Duration.ofSeconds(70)).build()).build();
    dynamodb = DynamoDbClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
    sqs = SqsClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(java.time.Duration.ofSeconds(30)).build()).build();
    sns = SnsClient.builder().endpointOverride(endpoint).region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    sfn.close();
    dynamodb.close();
    sqs.close();
    sns.close();
  }
}
