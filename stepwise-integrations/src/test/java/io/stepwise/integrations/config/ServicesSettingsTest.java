package io.stepwise.integrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesSettingsTest {
  private static JsonNode yamlAsJson(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void everyServiceIsLocalUnlessTold() {
    ServicesSettings s = ServicesSettings.allLocal();
    for (String service : ServicesSettings.SERVICES) {
      assertThat(s.of(service).isLocal()).isTrue();
      assertThat(s.of(service).describe()).isEqualTo("local");
    }
  }

  @Test
  void theFileTheEnvironmentAndFlagsEachSetKeysAndTheLaterWins() throws Exception {
    JsonNode file = yamlAsJson("""
        {"dynamodb": "http://127.0.0.1:8000", "s3": {"endpoint": "http://127.0.0.1:9000", "region": "eu-west-1",
         "accessKeyId": "minio", "secretAccessKey": "minio123"}, "lambda": "aws"}""");
    ServicesSettings s = ServicesSettings.resolve(file,
        Map.of("STEPWISE_SERVICES_S3_REGION", "eu-central-1", "STEPWISE_SERVICES_SQS", "http://127.0.0.1:9324"),
        List.of("s3.region=ap-south-1", "sns=http://127.0.0.1:9911"));
    assertThat(s.of("dynamodb").endpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    assertThat(s.of("s3").region()).as("the flag wins over the variable and the file").isEqualTo("ap-south-1");
    assertThat(s.of("s3").accessKeyId()).isEqualTo("minio");
    assertThat(s.of("s3").describe()).isEqualTo("http://127.0.0.1:9000 in ap-south-1, access key minio").doesNotContain("minio123");
    assertThat(s.of("sqs").endpoint()).isEqualTo(URI.create("http://127.0.0.1:9324"));
    assertThat(s.of("sns").endpoint()).isEqualTo(URI.create("http://127.0.0.1:9911"));
    assertThat(s.of("lambda").isAws()).isTrue();
    assertThat(s.of("lambda").describe()).isEqualTo("AWS, the SDK's default credentials");
    assertThat(s.of("eventbridge").isLocal()).isTrue();
  }

  @Test
  void whatCannotBeUsedIsRefusedNamingWhereItCameFrom() throws Exception {
    assertThatThrownBy(() -> ServicesSettings.resolve(yamlAsJson("{\"dynamo\": \"local\"}"), Map.of(), List.of()))
        .hasMessageStartingWith("services.dynamo: 'dynamo' is not a service Stepwise integrates");
    assertThatThrownBy(() -> ServicesSettings.resolve(yamlAsJson("{\"s3\": {\"endpoint\": \"ftp://x\"}}"), Map.of(), List.of()))
        .hasMessageStartingWith("services.s3.endpoint: 'ftp://x' is not local, aws or an http(s) URL");
    assertThatThrownBy(() -> ServicesSettings.resolve(yamlAsJson("{\"s3\": {\"regoin\": \"x\"}}"), Map.of(), List.of()))
        .hasMessageStartingWith("services.s3.regoin: not a key of a service");
    assertThatThrownBy(() -> ServicesSettings.resolve(null, Map.of("STEPWISE_SERVICES_S3_ACCESS_KEY_ID", "k",
        "STEPWISE_SERVICES_S3", "http://h:1"), List.of()))
        .hasMessageStartingWith("the environment variable STEPWISE_SERVICES_S3_ACCESS_KEY_ID is given without secretAccessKey");
    assertThatThrownBy(() -> ServicesSettings.resolve(null, Map.of(), List.of("dynamodb.region=eu-west-1")))
        .hasMessageStartingWith("--service dynamodb.region: dynamodb is local, which takes no region");
    assertThatThrownBy(() -> ServicesSettings.resolve(null, Map.of(), List.of("dynamodb")))
        .hasMessageStartingWith("--service dynamodb: expected SERVICE=ENDPOINT");
  }
}
