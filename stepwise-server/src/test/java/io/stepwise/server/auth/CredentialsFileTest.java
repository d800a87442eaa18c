package io.stepwise.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credentials file as the AWS CLI writes it, and each mistake refused with where it is. */
class CredentialsFileTest {
  private static List<Credentials> parse(String text) {
    return CredentialsFile.parse("creds", text.lines().toList());
  }

  @Test
  void everyProfileWithAKeyIsOneAcceptedKey() {
    List<Credentials> keys = parse("""
        ; comment
        [default]
        aws_access_key_id = A1
        aws_secret_access_key = s/1+x=
        [profile ci]
        AWS_ACCESS_KEY_ID=A2
        aws_secret_access_key=s2
        aws_session_token = t2
        s3 =
          max_concurrent_requests = 4
        [sso]
        sso_start_url = https://example.invalid/start
        """);
    assertThat(keys).extracting(Credentials::accessKeyId, Credentials::secretAccessKey, Credentials::sessionToken, Credentials::profile)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", "s/1+x=", null, "default"),
            org.assertj.core.groups.Tuple.tuple("A2", "s2", "t2", "ci"));
    assertThat(keys.get(0).toString()).doesNotContain("s/1+x=");
  }

  @Test
  void mistakesAreRefusedWithTheLineOrTheProfile() {
    assertThatThrownBy(() -> parse("aws_access_key_id = A\n")).hasMessage("creds:1: a setting before any [profile] line: aws_access_key_id");
    assertThatThrownBy(() -> parse("[a]\njust words\n")).hasMessage("creds:2: expected key = value, not: just words");
    assertThatThrownBy(() -> parse("[a\n")).hasMessage("creds:1: not a [profile] line: [a");
    assertThatThrownBy(() -> parse("[a]\naws_access_key_id = A\n")).hasMessage("creds: profile 'a' has aws_access_key_id but no aws_secret_access_key");
    assertThatThrownBy(() -> parse("[a]\naws_secret_access_key = S\n")).hasMessage("creds: profile 'a' has aws_secret_access_key but no aws_access_key_id");
    assertThatThrownBy(() -> parse("[a]\nregion = us-east-1\n")).hasMessage("creds holds no profile with aws_access_key_id and aws_secret_access_key");
    assertThatThrownBy(() -> parse("[a]\naws_access_key_id=A\naws_secret_access_key=1\n[b]\naws_access_key_id=A\naws_secret_access_key=2\n"))
        .hasMessage("creds: the access key A is in profiles 'a' and 'b' with different secrets or session tokens");
    assertThatThrownBy(() -> CredentialsFile.read(Path.of("/nonexistent/credentials")))
        .hasMessage("the credentials file /nonexistent/credentials does not exist");
  }
}
