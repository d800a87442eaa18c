package io.stepwise.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each setting of stepwise serve comes from (flag > environment > stepwise.yaml > default), and every mistake refused with its place. */
class ServeSettingsTest {
  @TempDir Path dir;

  private ServeSettings resolve(Map<Setting, String> flags, Map<String, String> env) {
    return ServeSettings.resolve(flags, null, env, dir);
  }

  private void yaml(String text) throws Exception {
    Files.writeString(dir.resolve("stepwise.yaml"), text);
  }

  private static Map<Setting, String> flags(Object... pairs) {
    Map<Setting, String> m = new EnumMap<>(Setting.class);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((Setting) pairs[i], (String) pairs[i + 1]);
    }
    return m;
  }

  @Test
  void withNothingGivenEverySettingHasItsDefault() {
    ServeSettings s = resolve(flags(), Map.of());
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(8083);
    assertThat(s.data()).isEqualTo(dir.resolve("stepwise-data"));
    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(s.account()).isEqualTo("123456789012");
    assertThat(s.maxInFlight()).isEqualTo(512);
    assertThat(s.retention()).contains(Duration.ofDays(90));
    assertThat(s.auth()).isEqualTo(Setting.AuthMode.NONE);
    assertThat(s.credentials()).isNull();
    assertThat(s.configFile()).isNull();
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/keys"), "[default]\naws_access_key_id=A\naws_secret_access_key=S\n");
    yaml("""
        # stepwise serve's settings
        host: 0.0.0.0
        port: 9000
        region: eu-west-1
        account: 111122223333
        maxInFlight: 64
        retention: 7d
        data: conf/data
        auth:
          mode: sigv4
          credentials: conf/keys
        """);
    ServeSettings s = resolve(flags(Setting.PORT, "0"), Map.of("STEPWISE_REGION", "eu-central-1", "STEPWISE_PORT", "7000"));
    assertThat(s.port()).as("the flag").isEqualTo(0);
    assertThat(s.region()).as("the environment").isEqualTo("eu-central-1");
    assertThat(s.host()).as("the file").isEqualTo("0.0.0.0");
    assertThat(s.account()).isEqualTo("111122223333");
    assertThat(s.maxInFlight()).isEqualTo(64);
    assertThat(s.retention()).contains(Duration.ofDays(7));
    assertThat(s.data()).as("relative to the file's folder").isEqualTo(dir.resolve("conf/data"));
    assertThat(s.auth()).isEqualTo(Setting.AuthMode.SIGV4);
    assertThat(s.credentials()).isEqualTo(dir.resolve("conf/keys"));
    assertThat(s.configFile()).isEqualTo(dir.resolve("stepwise.yaml"));

    ServeSettings flagged = resolve(flags(Setting.AUTH, "none", Setting.RETENTION, "never", Setting.DATA, "elsewhere"), Map.of());
    assertThat(flagged.auth()).isEqualTo(Setting.AuthMode.NONE);
    assertThat(flagged.credentials()).isNull();
    assertThat(flagged.retention()).isEqualTo(Optional.empty());
    assertThat(flagged.data()).as("a flag's path is relative to the working directory").isEqualTo(dir.resolve("elsewhere"));
  }

  @Test
  void anotherFileIsNamedByTheFlagOrTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("other.yaml"), "port: 1234\n");
    Files.writeString(dir.resolve("env.yaml"), "port: 4321\n");
    yaml("port: 1111\n");
    assertThat(ServeSettings.resolve(flags(), "other.yaml", Map.of("STEPWISE_CONFIG", "env.yaml"), dir).port()).isEqualTo(1234);
    assertThat(resolve(flags(), Map.of("STEPWISE_CONFIG", "env.yaml")).port()).isEqualTo(4321);
    assertThat(resolve(flags(), Map.of()).port()).isEqualTo(1111);
    assertThatThrownBy(() -> ServeSettings.resolve(flags(), "missing.yaml", Map.of(), dir)).isInstanceOf(SettingsException.class)
        .hasMessage("the configuration file " + dir.resolve("missing.yaml") + " does not exist");
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPath() throws Exception {
    yaml("prot: 8083\n");
    assertThatThrownBy(() -> resolve(flags(), Map.of())).isInstanceOf(SettingsException.class).hasMessage(dir.resolve("stepwise.yaml")
        + ": prot: unknown key (known are host, port, data, region, account, maxInFlight, retention, auth, mockConfig, executionLogs, services, functions)");
    yaml("auth:\n  mode: sigv4\n  credential: keys\n");
    assertThatThrownBy(() -> resolve(flags(), Map.of()))
        .hasMessageEndingWith(": auth.credential: unknown key (known in auth are mode, credentials, consoleToken)");
    yaml("integrations:\n  lambda: {}\n");
    assertThatThrownBy(() -> resolve(flags(), Map.of())).hasMessageContaining(": integrations: unknown key");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedWithItsPathAndWhatIsWrong() throws Exception {
    String file = dir.resolve("stepwise.yaml").toString();
    Object[][] cases = {
        {"port: \"8083\"\n", file + ": port: must be a whole number, not the string '8083'"},
        {"port: 70000\n", file + ": port: the port must be 0 to 65535, not 70000"},
        {"host: [a, b]\n", file + ": host: must be a string, not a list"},
        {"region: mars\n", file + ": region: not an AWS region name: mars (e.g. us-east-1)"},
        {"account: 42\n", file + ": account: an AWS account id is 12 digits, not 42 (in YAML, quote one with leading zeros)"},
        {"maxInFlight: 0\n", file + ": maxInFlight: at least 1 request must be taken at once, not 0"},
        {"maxInFlight: 1.5\n", file + ": maxInFlight: must be a whole number, not the number 1.5"},
        {"retention: 90\n", file + ": retention: must be a duration with its unit, such as 90d, 12h or 30m (or never), not the number 90"},
        {"retention: soon\n", file + ": retention: not a duration: 'soon' (e.g. 90d, 12h, 30m, 45s, or ISO-8601 such as P90D)"},
        {"auth: sigv4\n", file + ": auth must be a mapping of keys (mode, credentials, consoleToken), not the string 'sigv4'"},
        {"auth:\n  mode: kerberos\n", file + ": auth.mode: must be none or sigv4, not 'kerberos'"},
        {"auth:\n  mode: true\n", file + ": auth.mode: must be a string, not the boolean true"},
        {"auth:\n  consoleToken: short\n", file + ": auth.consoleToken: a console token must be at least 16 characters, not 5"
            + " (leave it unset to have one generated)"},
        {"auth:\n  consoleToken: 12345678901234567890\n", file + ": auth.consoleToken: must be a string, not the number"
            + " 12345678901234567890"},
        {"services:\n  dynamo: local\n", file + ": services.dynamo: 'dynamo' is not a service Stepwise integrates (lambda, dynamodb, s3,"
            + " sqs, sns, eventbridge)"},
        {"services:\n  s3: {endpoint: local, region: eu-west-1}\n", file + ": services.s3.region: s3 is local, which takes no"
            + " region; give an endpoint (a URL, or aws) to reach a real service"},
        {"- port\n", file + ": the file must be a mapping of keys (host, port, data, region, account, maxInFlight, retention, auth, mockConfig, executionLogs, services, functions),"
            + " not a list"},
    };
    for (Object[] c : cases) {
      yaml((String) c[0]);
      assertThatThrownBy(() -> resolve(flags(), Map.of())).as((String) c[0]).isInstanceOf(SettingsException.class).hasMessage((String) c[1]);
    }
  }

  @Test
  void yamlThatDoesNotParseOrRepeatsAKeyIsRefusedWithItsLine() throws Exception {
    yaml("port: 1\nhost: [unclosed\n");
    assertThatThrownBy(() -> resolve(flags(), Map.of())).isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(dir.resolve("stepwise.yaml") + ":").hasMessageContaining("not valid YAML");
    yaml("port: 1\nport: 2\n");
    assertThatThrownBy(() -> resolve(flags(), Map.of())).hasMessageContaining(":2:").hasMessageContaining("Duplicate field 'port'");
  }

  @Test
  void anEmptyFileOrAnEmptyValueLeavesTheDefaults() throws Exception {
    yaml("# nothing yet\n");
    assertThat(resolve(flags(), Map.of()).port()).isEqualTo(8083);
    yaml("port:\n");
    assertThat(resolve(flags(), Map.of()).port()).isEqualTo(8083);
  }

  @Test
  void flagsAndVariablesAreCheckedAndNamed() {
    assertThatThrownBy(() -> resolve(flags(Setting.PORT, "http"), Map.of())).hasMessage("--port: not a port number: 'http'");
    assertThatThrownBy(() -> resolve(flags(), Map.of("STEPWISE_RETENTION", "0s")))
        .hasMessage("STEPWISE_RETENTION: the retention must be at least 1s (or never), not 0s");
    assertThatThrownBy(() -> resolve(flags(), Map.of("STEPWISE_AUTH", "sigv4")))
        .hasMessage("auth sigv4 needs the credentials file of the accepted keys: --credentials FILE (or STEPWISE_CREDENTIALS, or"
            + " auth.credentials in stepwise.yaml)");
    assertThat(resolve(flags(Setting.RETENTION, "1d12h"), Map.of()).retention()).contains(Duration.ofHours(36));
    assertThat(resolve(flags(Setting.RETENTION, "PT90M"), Map.of()).retention()).contains(Duration.ofMinutes(90));
  }

  @Test
  void theConsoleTokenComesFromItsFlagItsVariableOrTheFileAndIsNeverEchoedWhenTooShort() throws Exception {
    assertThat(resolve(flags(), Map.of()).consoleToken()).as("unset: generated at start").isNull();
    yaml("auth:\n  consoleToken: from-the-file-0123456789\n");
    assertThat(resolve(flags(), Map.of()).consoleToken()).isEqualTo("from-the-file-0123456789");
    assertThat(resolve(flags(), Map.of("STEPWISE_CONSOLE_TOKEN", "from-the-environment-0123")).consoleToken())
        .isEqualTo("from-the-environment-0123");
    assertThat(resolve(flags(Setting.CONSOLE_TOKEN, "from-the-flag-0123456789"), Map.of("STEPWISE_CONSOLE_TOKEN",
        "from-the-environment-0123")).consoleToken()).isEqualTo("from-the-flag-0123456789");
    assertThatThrownBy(() -> resolve(flags(), Map.of("STEPWISE_CONSOLE_TOKEN", "secret42")))
        .hasMessage("STEPWISE_CONSOLE_TOKEN: a console token must be at least 16 characters, not 8 (leave it unset to have one generated)");
  }

  @Test
  void servicesComeFromTheFileTheEnvironmentAndServiceFlags() throws Exception {
    yaml("services:\n  dynamodb: http://127.0.0.1:8000\n  s3:\n    endpoint: http://127.0.0.1:9000\n    region: eu-west-1\n");
    ServeSettings s = ServeSettings.resolve(flags(), java.util.List.of("s3.region=ap-south-1"), null,
        Map.of("STEPWISE_SERVICES_SQS", "aws"), dir);
    assertThat(s.services().of("dynamodb").endpoint()).hasToString("http://127.0.0.1:8000");
    assertThat(s.services().of("s3").region()).isEqualTo("ap-south-1");
    assertThat(s.services().of("sqs").isAws()).isTrue();
    assertThat(s.services().of("sns").isLocal()).isTrue();
    assertThat(s.configDir()).isEqualTo(dir.toAbsolutePath());
  }
}
