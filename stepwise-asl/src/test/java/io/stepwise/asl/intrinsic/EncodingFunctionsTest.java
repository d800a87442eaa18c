package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertFails;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertIntrinsicFailure;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.Base64Encode, Base64Decode and Hash, with AWS's digests from the corpus. */
class EncodingFunctionsTest {
  @Test
  void base64RoundTrips() {
    assertThat(eval("States.Base64Encode('Data to encode')").textValue()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
    assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").textValue()).isEqualTo("Data to encode");
    assertThat(eval("States.Base64Encode('')").textValue()).isEmpty();
    assertFails("States.Base64Decode('not base64!')", "Invalid arguments in States.Base64Decode: the argument is not valid Base64");
  }

  @Test
  void inputsAreLimitedToTenThousandCharacters() {
    String big = "x".repeat(10_001);
    Scope scope = Scope.of(Json.NODES.objectNode().put("big", big).put("ok", big.substring(1)), null);
    assertThat(IntrinsicCall.compile("States.Base64Encode($.ok)").evaluate(scope, "f.$").textValue()).hasSize(13_336);
    assertIntrinsicFailure(
        () -> IntrinsicCall.compile("States.Base64Encode($.big)").evaluate(scope, "f.$"),
        "Invalid arguments in States.Base64Encode: the input is 10001 characters long, more than the maximum of 10000");
    assertIntrinsicFailure(
        () -> IntrinsicCall.compile("States.Hash($.big, 'MD5')").evaluate(scope, "f.$"),
        "Invalid arguments in States.Hash: the input is 10001 characters long, more than the maximum of 10000");
  }

  @ParameterizedTest
  @CsvSource({
    "MD5, 812f45842bc6d66ee14572ce20db8e86",
    "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
    "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
    "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
    "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"
  })
  void hashesMatchAws(String algorithm, String digest) {
    // corpus cases test_hash: the digests AWS returned for "input data"
    assertThat(eval("States.Hash('input data', '" + algorithm + "')").textValue()).isEqualTo(digest);
  }

  @Test
  void hashNeedsAKnownAlgorithm() {
    assertFails("States.Hash('x', 'sha-256')", "Invalid arguments in States.Hash: the hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was 'sha-256'");
    assertThat(eval("States.Hash($.obj, 'MD5')").textValue()).hasSize(32);
  }
}
