package io.stepwise.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration is checked when it is made, with messages that name what is wrong. */
class ServerConfigTest {
  @Test
  void defaultsAreStepFunctionsLocals() {
    ServerConfig c = ServerConfig.defaults();
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(8083);
    assertThat(c.region()).isEqualTo("us-east-1");
    assertThat(c.accountId()).isEqualTo("123456789012");
  }

  @Test
  void badValuesAreRefused() {
    ServerConfig c = ServerConfig.defaults();
    assertThatThrownBy(() -> c.withPort(70000)).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> c.withHost(" ")).hasMessageContaining("host");
    assertThatThrownBy(() -> c.withRegion("US-EAST-1")).hasMessageContaining("region");
    assertThatThrownBy(() -> c.withAccountId("12345")).hasMessageContaining("12 digits");
    assertThatThrownBy(() -> ServerLimits.defaults().withMaxInFlightRequests(0)).hasMessageContaining("maxInFlightRequests");
    assertThatThrownBy(() -> ServerLimits.defaults().withMaxRequestBytes(10)).hasMessageContaining("maxRequestBytes");
    assertThatThrownBy(() -> ServerLimits.defaults().withShutdownGrace(Duration.ofSeconds(-1))).hasMessageContaining("shutdownGrace");
    assertThat(c.withRegion("cn-north-1").region()).isEqualTo("cn-north-1");
  }
}
