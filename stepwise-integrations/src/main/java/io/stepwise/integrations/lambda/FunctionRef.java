package io.stepwise.integrations.lambda;

/**
 * A function reference in any form Lambda's Invoke takes: a name ({@code pay}), a name with a
 * version or alias ({@code pay:prod}), a partial ARN ({@code 123456789012:function:pay[:prod]})
 * or a full ARN ({@code arn:aws:lambda:eu-west-1:123456789012:function:pay[:prod]}).
 *
 * @param text the reference as written
 * @param name the function name
 * @param qualifier the version or alias in the reference, or null
 * @param region the region of a full ARN, or null
 * @param account the account of an ARN (full or partial), or null
 */
record FunctionRef(String text, String name, String qualifier, String region, String account) {
  /** Lambda's pattern for FunctionName, which Invoke checks first. */
  static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
          + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

  static FunctionRef parse(String text) {
    String rest = text;
    String region = null;
    String account = null;
    if (rest.startsWith("arn:")) {
      String[] p = rest.split(":", 7);
      if (p.length == 7) {
        region = p[3];
        account = p[4];
        rest = p[6];
      }
    } else {
      int f = rest.indexOf(":function:");
      if (f >= 0) {
        account = rest.substring(0, f);
        rest = rest.substring(f + ":function:".length());
      }
    }
    int q = rest.indexOf(':');
    return q < 0 ? new FunctionRef(text, rest, null, region, account)
        : new FunctionRef(text, rest.substring(0, q), rest.substring(q + 1), region, account);
  }

  boolean valid() {
    return text.length() <= 170 && PATTERN.matcher(text).matches();
  }

  /** The ARN invoked: the reference's own when it is a full ARN, else in the execution's region and account. */
  String invokedArn(String executionArn, String qualifierParam) {
    String q = qualifier != null ? qualifier : qualifierParam;
    String base;
    if (region != null) {
      base = text.substring(0, text.indexOf(":function:") + ":function:".length()) + name;
    } else {
      base = FunctionLookup.arnInRegionOf(executionArn, name);
      if (account != null && base.startsWith("arn:")) {
        String[] p = base.split(":", 7);
        base = "arn:" + p[1] + ":lambda:" + p[3] + ":" + account + ":function:" + name;
      }
    }
    return q == null ? base : base + ":" + q;
  }
}
