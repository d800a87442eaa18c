package io.stepwise.asl.validate;

import io.stepwise.asl.model.QueryLanguage;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Task: Resource, TimeoutSeconds and HeartbeatSeconds (or their paths), Credentials. */
final class TaskChecker {
  static final long MAX_SECONDS = 99_999_999L;

  // arn:partition:service:region:account:resource; region and account may be empty.
  private static final Pattern ARN = Pattern.compile("arn:[^:\\s]+:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+");
  // A whole-value ${Name} placeholder, as CloudFormation and SAM definition substitutions fill in.
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{[^{}\\s]+\\}");

  private TaskChecker() {}

  static void check(Site s, QueryLanguage ql) {
    if (s.require("Resource")) {
      // a placeholder is filled in before AWS sees it; a value that is no ARN is reported by resource()
      String arn = resource(s, "Resource");
      String integration = arn == null ? null : ServiceIntegrations.problem(arn);
      if (integration != null) {
        s.problem("Resource", integration);
      }
    }
    s.atMostOne("TimeoutSeconds", "TimeoutSecondsPath");
    s.atMostOne("HeartbeatSeconds", "HeartbeatSecondsPath");
    BigDecimal timeout = FixedOrExpression.integer(s, "TimeoutSeconds", 1, MAX_SECONDS, ql);
    BigDecimal heartbeat = FixedOrExpression.integer(s, "HeartbeatSeconds", 1, MAX_SECONDS, ql);
    if (timeout != null && heartbeat != null && heartbeat.compareTo(timeout) >= 0) {
      s.problem("HeartbeatSeconds", "must be less than TimeoutSeconds");
    }
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.singleValuePath(s, "TimeoutSecondsPath");
      PathChecks.singleValuePath(s, "HeartbeatSecondsPath");
      PayloadTemplates.check(s, "Credentials", true);
    } else {
      StateChecker.objectOrExpression(s, "Credentials");
    }
  }

  /**
   * A Resource: an ARN, or a definition-substitution placeholder. Returns the ARN when it is one,
   * for the checks of what it names; null for a placeholder, a missing value or one reported here.
   */
  static String resource(Site s, String field) {
    String r = s.text(field);
    if (r == null || SUBSTITUTION.matcher(r).matches()) {
      return null;
    }
    if (!ARN.matcher(r).matches()) {
      s.problem(field, "must be an ARN (arn:partition:service:region:account:resource) or a ${...} placeholder");
      return null;
    }
    return r;
  }
}
