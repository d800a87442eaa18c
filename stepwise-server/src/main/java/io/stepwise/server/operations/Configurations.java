package io.stepwise.server.operations;

import io.stepwise.server.model.EncryptionConfiguration;
import io.stepwise.server.model.EncryptionType;
import io.stepwise.server.model.LogLevel;
import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.TracingConfiguration;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import java.util.List;

/**
 * The logging, tracing and encryption structures of state machines and activities: read from a
 * request, checked as AWS checks them, written in a response. Stepwise keeps them as given: it
 * logs to no CloudWatch, traces to no X-Ray and calls no KMS.
 */
public final class Configurations {
  private Configurations() {}

  /** loggingConfiguration, or null when absent; level defaults to OFF as on AWS. */
  public static LoggingConfiguration readLogging(JsonInput in) {
    JsonInput s = in.structure("loggingConfiguration", false);
    if (s == null) {
      return null;
    }
    LogLevel level = s.enumValue("level", LogLevel.class, false);
    Boolean data = s.bool("includeExecutionData");
    List<String> groups = s.list("destinations", Shapes.LOG_DESTINATIONS, false, d -> {
      JsonInput group = d.structure("cloudWatchLogsLogGroup", false);
      return group == null ? null : group.string("logGroupArn", Shapes.ARN, false);
    });
    List<String> arns = groups == null ? List.of() : groups.stream().filter(g -> g != null).toList();
    return new LoggingConfiguration(level == null ? LogLevel.OFF : level, Boolean.TRUE.equals(data), arns);
  }

  /** AWS takes exactly one destination when anything is logged, and at most one when nothing is. */
  public static void checkLogging(LoggingConfiguration logging) {
    if (logging == null) {
      return;
    }
    int n = logging.logGroupArns().size();
    if (logging.level() != LogLevel.OFF ? n != 1 : n > 1) {
      throw ApiException.client("InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    for (String arn : logging.logGroupArns()) {
      if (!arn.startsWith("arn:") || !arn.contains(":logs:") || !arn.contains(":log-group:")) {
        throw ApiException.client("InvalidLoggingConfiguration",
            "Invalid Logging Configuration: Log Destination is not a CloudWatch Logs log group ARN: '" + arn + "'");
      }
    }
  }

  public static void writeLogging(LoggingConfiguration logging, JsonOutput out) {
    out.string("level", logging.level().name());
    out.bool("includeExecutionData", logging.includeExecutionData());
    if (!logging.logGroupArns().isEmpty()) {
      out.list("destinations", logging.logGroupArns(),
          (arn, d) -> d.structure("cloudWatchLogsLogGroup", arn, (a, g) -> g.string("logGroupArn", a)));
    }
  }

  /** tracingConfiguration, or null when absent. */
  public static TracingConfiguration readTracing(JsonInput in) {
    JsonInput s = in.structure("tracingConfiguration", false);
    return s == null ? null : new TracingConfiguration(Boolean.TRUE.equals(s.bool("enabled")));
  }

  public static void writeTracing(TracingConfiguration tracing, JsonOutput out) {
    out.bool("enabled", tracing.enabled());
  }

  /** encryptionConfiguration, or null when absent. */
  public static EncryptionConfiguration readEncryption(JsonInput in) {
    JsonInput s = in.structure("encryptionConfiguration", false);
    if (s == null) {
      return null;
    }
    return new EncryptionConfiguration(
        s.enumValue("type", EncryptionType.class, true),
        s.string("kmsKeyId", Shapes.KMS_KEY_ID, false),
        s.integer("kmsDataKeyReusePeriodSeconds", Shapes.KMS_DATA_KEY_REUSE_PERIOD, false));
  }

  /** A customer-managed key needs its id; AWS's own key takes neither id nor reuse period. */
  public static void checkEncryption(EncryptionConfiguration e) {
    if (e == null) {
      return;
    }
    if (e.type() == EncryptionType.CUSTOMER_MANAGED_KMS_KEY && e.kmsKeyId() == null) {
      throw ApiException.client("InvalidEncryptionConfiguration",
          "Invalid Encryption Configuration: kmsKeyId is required when type is CUSTOMER_MANAGED_KMS_KEY");
    }
    if (e.type() == EncryptionType.AWS_OWNED_KEY && (e.kmsKeyId() != null || e.kmsDataKeyReusePeriodSeconds() != null)) {
      throw ApiException.client("InvalidEncryptionConfiguration",
          "Invalid Encryption Configuration: kmsKeyId and kmsDataKeyReusePeriodSeconds apply only to CUSTOMER_MANAGED_KMS_KEY");
    }
  }

  public static void writeEncryption(EncryptionConfiguration e, JsonOutput out) {
    out.string("type", e.type().name());
    out.string("kmsKeyId", e.kmsKeyId());
    out.integer("kmsDataKeyReusePeriodSeconds", e.kmsDataKeyReusePeriodSeconds());
  }
}
