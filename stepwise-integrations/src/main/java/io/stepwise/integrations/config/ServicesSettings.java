package io.stepwise.integrations.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code services:} section of {@code stepwise.yaml}, overlaid by environment variables and
 * {@code --service} flags. Each service is {@code local} (the default), an endpoint URL, {@code aws},
 * or a map with {@code endpoint}, {@code region}, {@code accessKeyId}, {@code secretAccessKey} and
 * {@code sessionToken}:
 *
 * <pre>
 * services:
 *   dynamodb: local
 *   s3: {endpoint: http://127.0.0.1:9000, region: us-east-1, accessKeyId: minio, secretAccessKey: minio123}
 *   lambda: aws
 * </pre>
 *
 * Every key is also an environment variable, {@code STEPWISE_SERVICES_<SERVICE>} for the endpoint
 * and {@code STEPWISE_SERVICES_<SERVICE>_<KEY>} for the rest ({@code STEPWISE_SERVICES_S3_ACCESS_KEY_ID}),
 * and a flag, {@code --service s3=URL} or {@code --service s3.region=eu-west-1}. A flag wins over
 * a variable, which wins over the file.
 */
public final class ServicesSettings {
  /** The services a Task can reach, in the order the log lists them. */
  public static final List<String> SERVICES = List.of("lambda", "dynamodb", "s3", "sqs", "sns", "eventbridge");

  static final List<String> KEYS = List.of("endpoint", "region", "accessKeyId", "secretAccessKey", "sessionToken");

  private final Map<String, ServiceSettings> services;

  private ServicesSettings(Map<String, ServiceSettings> services) {
    this.services = services;
  }

  /** Every service local. */
  public static ServicesSettings allLocal() {
    return resolve(null, Map.of(), List.of());
  }

  public ServiceSettings of(String service) {
    ServiceSettings s = services.get(service);
    if (s == null) {
      throw new IllegalArgumentException("not a service Stepwise integrates: " + service);
    }
    return s;
  }

  /**
   * @param file the {@code services:} node of the configuration file, or null
   * @param env the environment
   * @param flags the values of {@code --service} flags, each {@code SERVICE=VALUE} or {@code SERVICE.KEY=VALUE}
   * @throws IllegalArgumentException naming the key (its path in the file, the variable or the flag) and what is wrong
   */
  public static ServicesSettings resolve(JsonNode file, Map<String, String> env, List<String> flags) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (String s : SERVICES) {
      values.put(s, new LinkedHashMap<>());
    }
    Map<String, Map<String, String>> from = new LinkedHashMap<>();
    if (file != null && !file.isNull()) {
      readFile(file, values, from);
    }
    for (String s : SERVICES) {
      String prefix = "STEPWISE_SERVICES_" + s.toUpperCase(Locale.ROOT);
      for (String key : KEYS) {
        String name = key.equals("endpoint") ? prefix : prefix + "_" + envName(key);
        String v = env.get(name);
        if (v != null && !v.isEmpty()) {
          put(values, from, s, key, v, "the environment variable " + name);
        }
      }
    }
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--service " + flag + ": expected SERVICE=ENDPOINT or SERVICE.KEY=VALUE, such as "
            + "dynamodb=http://127.0.0.1:8000 or s3.region=eu-west-1");
      }
      String left = flag.substring(0, eq);
      int dot = left.indexOf('.');
      String service = dot < 0 ? left : left.substring(0, dot);
      String key = dot < 0 ? "endpoint" : left.substring(dot + 1);
      if (!SERVICES.contains(service)) {
        throw new IllegalArgumentException("--service " + flag + ": '" + service + "' is not a service Stepwise integrates (" + String.join(", ", SERVICES) + ")");
      }
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("--service " + flag + ": '" + key + "' is not a key of a service (" + String.join(", ", KEYS) + ")");
      }
      put(values, from, service, key, flag.substring(eq + 1), "--service " + left);
    }
    Map<String, ServiceSettings> out = new LinkedHashMap<>();
    for (String s : SERVICES) {
      out.put(s, settings(s, values.get(s), from.get(s)));
    }
    return new ServicesSettings(out);
  }

  private static void readFile(JsonNode file, Map<String, Map<String, String>> values, Map<String, Map<String, String>> from) {
    if (!file.isObject()) {
      throw new IllegalArgumentException("services: must be a map of service to local, an endpoint URL, aws, or its settings");
    }
    for (Map.Entry<String, JsonNode> e : file.properties()) {
      String s = e.getKey();
      String at = "services." + s;
      if (!SERVICES.contains(s)) {
        throw new IllegalArgumentException(at + ": '" + s + "' is not a service Stepwise integrates (" + String.join(", ", SERVICES) + ")");
      }
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        put(values, from, s, "endpoint", v.textValue(), at);
      } else if (v.isObject()) {
        for (Map.Entry<String, JsonNode> k : v.properties()) {
          if (!KEYS.contains(k.getKey())) {
            throw new IllegalArgumentException(at + "." + k.getKey() + ": not a key of a service (" + String.join(", ", KEYS) + ")");
          }
          if (!k.getValue().isTextual()) {
            throw new IllegalArgumentException(at + "." + k.getKey() + ": must be a string, not " + k.getValue().getNodeType().name().toLowerCase(Locale.ROOT));
          }
          put(values, from, s, k.getKey(), k.getValue().textValue(), at + "." + k.getKey());
        }
      } else {
        throw new IllegalArgumentException(at + ": must be local, an endpoint URL, aws, or a map of its settings");
      }
    }
  }

  private static void put(Map<String, Map<String, String>> values, Map<String, Map<String, String>> from, String service, String key,
      String value, String source) {
    values.get(service).put(key, value);
    from.computeIfAbsent(service, x -> new LinkedHashMap<>()).put(key, source);
  }

  private static ServiceSettings settings(String service, Map<String, String> v, Map<String, String> from) {
    String endpointText = v.getOrDefault("endpoint", "local");
    URI endpoint;
    if (endpointText.equals("local")) {
      endpoint = null;
    } else if (endpointText.equals("aws")) {
      endpoint = ServiceSettings.AWS;
    } else {
      endpoint = url(endpointText, from.get("endpoint"));
    }
    String key = v.get("accessKeyId");
    String secret = v.get("secretAccessKey");
    if ((key == null) != (secret == null)) {
      String given = key == null ? "secretAccessKey" : "accessKeyId";
      String missing = key == null ? "accessKeyId" : "secretAccessKey";
      throw new IllegalArgumentException(from.get(given) + " is given without " + missing + " for " + service
          + ": give both, or neither for the SDK's default credentials");
    }
    if (endpoint == null) {
      for (String k : List.of("region", "accessKeyId", "secretAccessKey", "sessionToken")) {
        if (v.containsKey(k)) {
          throw new IllegalArgumentException(from.get(k) + ": " + service + " is local, which takes no " + k
              + "; give an endpoint (a URL, or aws) to reach a real service");
        }
      }
    }
    return new ServiceSettings(service, endpoint, v.get("region"), key, secret, v.get("sessionToken"));
  }

  private static URI url(String text, String source) {
    try {
      URI u = new URI(text);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException(source + ": '" + text + "' is not local, aws or an http(s) URL with a host");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(source + ": '" + text + "' is not a URL: " + e.getReason());
    }
  }

  /** accessKeyId -> ACCESS_KEY_ID */
  static String envName(String key) {
    return key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
