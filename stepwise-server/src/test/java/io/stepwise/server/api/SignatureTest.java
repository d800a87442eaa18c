package io.stepwise.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.server.TestServer;
import io.stepwise.server.auth.CredentialsFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * With signature verification on, the real SDK's signed requests are served and every other one
 * gets AWS's authentication error: a wrong secret, an unknown key, a missing or wrong session
 * token, no signature at all, a half signature, a time more than 5 minutes off, a body changed
 * after signing.
 */
class SignatureTest {
  private static final String KEY = "AKIDSTEPWISETEST";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSTEPWISE";
  private static final String TEMP_KEY = "ASIASTEPWISETEMP";
  private static final String TEMP_SECRET = "temporary/secret";
  private static final String TOKEN = "FwoGZXIvYXdzEJr//////////session";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestServer api;

  @BeforeEach
  void start() throws Exception {
    Path file = Files.writeString(dir.resolve("credentials"), """
        # the server's accepted keys
        [default]
        aws_access_key_id = %s
        aws_secret_access_key = %s

        [profile temporary]
        aws_access_key_id=%s
        aws_secret_access_key=%s
        aws_session_token=%s
        region = us-east-1
        """.formatted(KEY, SECRET, TEMP_KEY, TEMP_SECRET, TOKEN));
    api = new TestServer(b -> b.verifySignatures(CredentialsFile.read(file)));
    api.clock.set(Instant.now()); // the clients sign with the real time
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private SfnClient client(AwsCredentials credentials) {
    return SfnClient.builder()
        .endpointOverride(api.server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private static void assertAwsError(Runnable call, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(SfnException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.statusCode()).isEqualTo(400);
      if (message != null) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      }
    });
  }

  @Test
  void requestsSignedWithAKnownKeyAreServed() {
    try (SfnClient sfn = client(AwsBasicCredentials.create(KEY, SECRET))) {
      String arn = sfn.createActivity(b -> b.name(TestServer.unique("signed"))).activityArn();
      assertThat(sfn.describeActivity(b -> b.activityArn(arn)).activityArn()).isEqualTo(arn);
      assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }
    try (SfnClient sfn = client(AwsSessionCredentials.create(TEMP_KEY, TEMP_SECRET, TOKEN))) {
      assertThat(sfn.listActivities().activities()).isNotEmpty();
    }
  }

  @Test
  void aWrongSecretAnUnknownKeyOrAWrongSessionTokenIsRefused() {
    try (SfnClient sfn = client(AwsBasicCredentials.create(KEY, "not-the-secret"))) {
      assertAwsError(sfn::listActivities, "InvalidSignatureException", "The request signature we calculated does not match the signature"
          + " you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }
    try (SfnClient sfn = client(AwsBasicCredentials.create("AKIDUNKNOWN", SECRET))) {
      assertAwsError(sfn::listActivities, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    try (SfnClient sfn = client(AwsSessionCredentials.create(TEMP_KEY, TEMP_SECRET, "another-token"))) {
      assertAwsError(sfn::listActivities, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    try (SfnClient sfn = client(AwsBasicCredentials.create(TEMP_KEY, TEMP_SECRET))) {
      assertAwsError(sfn::listActivities, "UnrecognizedClientException", null); // a temporary key without its token
    }
    try (SfnClient sfn = client(AwsSessionCredentials.create(KEY, SECRET, TOKEN))) {
      assertAwsError(sfn::listActivities, "UnrecognizedClientException", null); // a long-term key with a token
    }
  }

  @Test
  void aSignatureMoreThanFiveMinutesOffIsExpiredOrNotYetCurrent() {
    try (SfnClient sfn = client(AwsBasicCredentials.create(KEY, SECRET))) {
      api.clock.set(Instant.now().plus(Duration.ofMinutes(6)));
      assertThatThrownBy(sfn::listActivities).isInstanceOfSatisfying(SfnException.class, e -> {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(e.awsErrorDetails().errorMessage())
            .matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)");
      });
      api.clock.set(Instant.now().minus(Duration.ofMinutes(6)));
      assertThatThrownBy(sfn::listActivities).isInstanceOfSatisfying(SfnException.class, e ->
          assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature not yet current: ").endsWith(" + 5 min.)"));
      api.clock.set(Instant.now().plus(Duration.ofMinutes(4)));
      assertThat(sfn.listActivities().activities()).isEmpty();
    }
  }

  @Test
  void anUnsignedOrHalfSignedRequestIsRefusedBeforeItsTargetIsLookedAt() throws Exception {
    HttpResponse<String> unsigned = api.post("AWSStepFunctions.ListActivities", "{}");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    assertThat(body(unsigned).get("message").asText()).isEqualTo("Request is missing Authentication Token");
    assertThat(body(api.post("AWSStepFunctions.NoSuchOperation", "{}")).get("__type").asText())
        .isEqualTo("MissingAuthenticationTokenException");

    HttpResponse<String> basic = raw("Basic dXNlcjpwYXNz", null, "{}");
    assertThat(basic.statusCode()).isEqualTo(400);
    assertThat(body(basic).get("__type").asText()).isEqualTo("IncompleteSignatureException");
    assertThat(body(basic).get("message").asText()).isEqualTo("Authorization header requires 'Credential' parameter. Authorization header"
        + " requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires"
        + " existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Basic dXNlcjpwYXNz");

    HttpResponse<String> shortScope = raw("AWS4-HMAC-SHA256 Credential=" + KEY + "/us-east-1, SignedHeaders=host;x-amz-date,"
        + " Signature=00", "20260301T100000Z", "{}");
    assertThat(body(shortScope).get("message").asText()).isEqualTo("Credential must have exactly 5 slash-delimited elements, e.g."
        + " keyid/date/region/service/term, got '" + KEY + "/us-east-1'");
  }

  @Test
  void theBodyAndTheScopeAreCovered() throws Exception {
    String body = "{\"maxResults\": 5}";
    SignedRequest signed = sign(body, "us-east-1");
    assertThat(send(signed, body).statusCode()).isEqualTo(200);
    HttpResponse<String> changed = send(signed, "{\"maxResults\": 6}");
    assertThat(changed.statusCode()).isEqualTo(400);
    assertThat(body(changed).get("__type").asText()).isEqualTo("InvalidSignatureException");

    HttpResponse<String> otherRegion = send(sign(body, "eu-west-1"), body);
    assertThat(body(otherRegion).get("__type").asText()).isEqualTo("InvalidSignatureException");
    assertThat(body(otherRegion).get("message").asText()).startsWith("Credential should be scoped to a valid region.");
  }

  private SignedRequest sign(String body, String region) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(api.server.endpoint() + "/"))
        .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", "AWSStepFunctions.ListActivities").build();
    return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(KEY, SECRET)).request(request)
        .payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states").putProperty(AwsV4HttpSigner.REGION_NAME, region));
  }

  private HttpResponse<String> send(SignedRequest signed, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(signed.request().getUri()).POST(HttpRequest.BodyPublishers.ofString(body));
    signed.request().forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return api.send(b.build());
  }

  private HttpResponse<String> raw(String authorization, String amzDate, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.server.endpoint() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "AWSStepFunctions.ListActivities")
        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body));
    if (amzDate != null) {
      b.header("X-Amz-Date", amzDate);
    }
    return api.send(b.build());
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
