package io.stepwise.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.config.ServicesSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code stepwise serve} runs with, each setting taken from the first place that has it: its
 * flag, its environment variable, the configuration file ({@code --config FILE}, {@code
 * STEPWISE_CONFIG}, else {@code ./stepwise.yaml} when there is one), its default. A value that
 * cannot be used is a SettingsException naming where it came from.
 *
 * @param retention how long ended executions are kept; empty: forever
 * @param credentials the AWS credentials file of the accepted keys (auth sigv4); null otherwise
 * @param consoleToken the console's token (--console-token, STEPWISE_CONSOLE_TOKEN, auth.consoleToken), used with auth
 *     sigv4; null when not set (one is then generated at start)
 * @param configFile the configuration file read, or null when there was none
 * @param services how each integrated service is reached ({@code services:}, STEPWISE_SERVICES_*, --service)
 * @param functions the file's {@code functions:} section (Lambda functions), or null
 * @param configDir where the file's relative paths start: its folder, or the working directory
 * @param mockConfig the mock configuration file (--mock-config, STEPWISE_MOCK_CONFIG, mockConfig), or null
 * @param executionLogs where execution logs are written: {@code stdout}, or a directory as given (relative to
 *     the working directory, or to the configuration file's folder when it came from there); null: DATA/execution-logs
 */
public record ServeSettings(String host, int port, Path data, String region, String account, int maxInFlight,
    Optional<Duration> retention, Setting.AuthMode auth, Path credentials, Path configFile, ServicesSettings services,
    JsonNode functions, Path configDir, Path mockConfig, String executionLogs, String consoleToken) {

  public static final String CONFIG_ENV = "STEPWISE_CONFIG";

  /**
   * @param flags the flags given, by setting (absent: not given)
   * @param configFlag {@code --config FILE}, or null
   * @param env the environment (System.getenv(), or a test's)
   * @param workDir where relative paths of flags and variables start, and where stepwise.yaml is looked for
   */
  public static ServeSettings resolve(Map<Setting, String> flags, String configFlag, Map<String, String> env, Path workDir) {
    return resolve(flags, List.of(), configFlag, env, workDir);
  }

  /** @param serviceFlags the values of {@code --service} flags ({@link ServicesSettings}) */
  public static ServeSettings resolve(Map<Setting, String> flags, List<String> serviceFlags, String configFlag,
      Map<String, String> env, Path workDir) {
    ConfigFile file = configFile(configFlag, env, workDir);
    Map<Setting, Object> v = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      v.put(s, value(s, flags, env, file, workDir));
    }
    Setting.AuthMode auth = (Setting.AuthMode) v.get(Setting.AUTH);
    Path credentials = (Path) v.get(Setting.CREDENTIALS);
    if (auth == Setting.AuthMode.SIGV4 && credentials == null) {
      throw new SettingsException("auth sigv4 needs the credentials file of the accepted keys: --credentials FILE (or "
          + Setting.CREDENTIALS.env + ", or auth.credentials in " + ConfigFile.NAME + ")");
    }
    @SuppressWarnings("unchecked")
    Optional<Duration> retention = (Optional<Duration>) v.get(Setting.RETENTION);
    return new ServeSettings((String) v.get(Setting.HOST), (Integer) v.get(Setting.PORT), (Path) v.get(Setting.DATA),
        (String) v.get(Setting.REGION), (String) v.get(Setting.ACCOUNT), (Integer) v.get(Setting.MAX_IN_FLIGHT), retention, auth,
        auth == Setting.AuthMode.SIGV4 ? credentials : null, file == null ? null : file.file(),
        services(file, env, serviceFlags), file == null ? null : (JsonNode) file.get("functions"),
        file == null ? workDir : file.file().toAbsolutePath().getParent(), (Path) v.get(Setting.MOCK_CONFIG),
        (String) v.get(Setting.EXECUTION_LOGS), (String) v.get(Setting.CONSOLE_TOKEN));
  }

  private static ServicesSettings services(ConfigFile file, Map<String, String> env, List<String> flags) {
    try {
      return ServicesSettings.resolve(file == null ? null : (JsonNode) file.get("services"), env, flags);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(file == null ? e.getMessage() : e.getMessage() + " (configuration file " + file.file() + ")");
    }
  }

  private static ConfigFile configFile(String configFlag, Map<String, String> env, Path workDir) {
    if (configFlag != null) {
      return ConfigFile.read(workDir.resolve(configFlag));
    }
    String fromEnv = env.get(CONFIG_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return ConfigFile.read(workDir.resolve(fromEnv));
    }
    Path here = workDir.resolve(ConfigFile.NAME);
    return Files.exists(here) ? ConfigFile.read(here) : null;
  }

  private static Object value(Setting s, Map<Setting, String> flags, Map<String, String> env, ConfigFile file, Path workDir) {
    String flag = flags.get(s);
    if (flag != null) {
      return parse(s, flag, s.flag, workDir);
    }
    String fromEnv = env.get(s.env);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return parse(s, fromEnv, s.env, workDir);
    }
    if (file != null && file.get(s.fileKey) != null) {
      Object o = file.get(s.fileKey);
      return o; // read and checked by the file's schema, paths against the file's folder
    }
    return s.defaultText == null ? null : parse(s, s.defaultText, "the default", workDir);
  }

  private static Object parse(Setting s, String text, String source, Path workDir) {
    try {
      return s.isPath() ? Setting.resolvePath(text, workDir) : s.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(source + ": " + e.getMessage());
    }
  }
}
