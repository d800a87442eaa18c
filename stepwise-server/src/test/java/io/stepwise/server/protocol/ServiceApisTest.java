package io.stepwise.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A local service's own API on the Step Functions port, routed by its X-Amz-Target prefix. */
class ServiceApisTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static TestServer t;

  /** A toy service: Echo returns its input with a mark; anything else is the service's own error. */
  static final class Toy implements JsonApi {
    @Override
    public String targetPrefix() {
      return "Toy_20240101";
    }

    @Override
    public String signingName() {
      return "toy";
    }

    @Override
    public JsonNode call(String operation, JsonNode input) {
      if (operation.equals("Echo")) {
        return JsonNodeFactory.instance.objectNode().put("echoed", true).set("input", input);
      }
      throw new ApiError(400, "com.example.toy#UnknownOperationException", "no " + operation, Map.of("x-toy-error", "yes"));
    }
  }

  @BeforeAll
  static void start() {
    t = new TestServer(b -> b.api(new Toy()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void aTargetWithTheServicesPrefixReachesTheServiceAndStepFunctionsStillAnswersItsOwn() throws Exception {
    HttpResponse<String> r = t.post("Toy_20240101.Echo", "{\"a\": [1, 2]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"echoed\": true, \"input\": {\"a\": [1, 2]}}"));
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(t.post("AWSStepFunctions.ListActivities", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void theServicesErrorsKeepItsTypeAndHeadersAndProtocolErrorsAreAnsweredAsForStepFunctions() throws Exception {
    HttpResponse<String> r = t.post("Toy_20240101.Nope", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("__type").asText()).isEqualTo("com.example.toy#UnknownOperationException");
    assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("no Nope");
    assertThat(r.headers().firstValue("x-toy-error")).hasValue("yes");
    HttpResponse<String> malformed = t.post("Toy_20240101.Echo", "{\"a\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).path("__type").asText()).isEqualTo("SerializationException");
    // a prefix no service has is not the toy's
    assertThat(JSON.readTree(t.post("Other_1.Echo", "{}").body()).path("__type").asText()).isEqualTo("UnknownOperationException");
  }

  @Test
  void twoApisWithOnePrefixAreRefusedWhenTheServerIsBuilt() {
    assertThatThrownBy(() -> Server.builder(ServerConfig.defaults().withPort(0)).api(new Toy()).api(new Toy()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Toy_20240101");
  }
}
