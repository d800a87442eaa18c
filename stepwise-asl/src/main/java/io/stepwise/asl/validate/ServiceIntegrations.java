package io.stepwise.asl.validate;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service integrations a Task's {@code arn:PARTITION:states:::SERVICE:ACTION} Resource may
 * name, and the other Resources a Task may have: a Lambda function's ARN and an activity's. AWS
 * refuses at creation a Resource it does not recognise, so a typo in the service, an action an
 * optimized integration does not have, or a pattern it does not support ({@code dynamodb:getItem.sync})
 * is caught when the definition loads rather than when the task runs. For the optimized
 * integrations whose actions the developer guide lists in full ({@link #ACTIONS}) the action and
 * its pattern are checked; for the others, only the action's shape: AWS adds actions often, and the
 * AWS SDK integrations ({@code aws-sdk:SERVICE:ACTION}) cover thousands.
 */
final class ServiceIntegrations {
  /** The optimized integrations, by the service name their ARNs use. */
  static final Set<String> SERVICES = Set.of(
      "apigateway", "athena", "batch", "bedrock", "codebuild", "databrew", "dynamodb", "ecs", "eks",
      "elasticmapreduce", "emr-containers", "emr-serverless", "events", "glue", "http", "lambda",
      "mediaconvert", "s3", "sagemaker", "sns", "sqs", "states");

  private static final String RR = "";
  private static final String SYNC = ".sync";
  private static final String WAIT = ".waitForTaskToken";

  /**
   * Each fully listed optimized integration's actions and the patterns each takes (request-response
   * "", .sync, .sync:2, .waitForTaskToken), from the developer guide's page for the service and its
   * table of patterns. s3's are the ItemReader's and ResultWriter's (the Map checks those).
   */
  static final Map<String, Map<String, Set<String>>> ACTIONS = Map.ofEntries(
      Map.entry("lambda", Map.of("invoke", Set.of(RR, WAIT))),
      Map.entry("dynamodb", Map.of("getItem", Set.of(RR), "putItem", Set.of(RR), "updateItem", Set.of(RR), "deleteItem", Set.of(RR))),
      Map.entry("sqs", Map.of("sendMessage", Set.of(RR, WAIT))),
      Map.entry("sns", Map.of("publish", Set.of(RR, WAIT))),
      Map.entry("events", Map.of("putEvents", Set.of(RR, WAIT))),
      Map.entry("states", Map.of("startExecution", Set.of(RR, SYNC, ".sync:2", WAIT))),
      Map.entry("http", Map.of("invoke", Set.of(RR))),
      Map.entry("apigateway", Map.of("invoke", Set.of(RR, WAIT))),
      Map.entry("batch", Map.of("submitJob", Set.of(RR, SYNC))),
      Map.entry("glue", Map.of("startJobRun", Set.of(RR, SYNC))),
      Map.entry("databrew", Map.of("startJobRun", Set.of(RR, SYNC))),
      Map.entry("ecs", Map.of("runTask", Set.of(RR, SYNC, WAIT))),
      Map.entry("athena", Map.of("startQueryExecution", Set.of(RR, SYNC), "stopQueryExecution", Set.of(RR),
          "getQueryExecution", Set.of(RR), "getQueryResults", Set.of(RR))));

  private static final Pattern INTEGRATION = Pattern.compile("arn:[^:]+:states:::([^:]+):(.*)");
  private static final Pattern ACTION = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(\\.sync(:2)?|\\.waitForTaskToken)?");
  private static final Pattern SDK_ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z][A-Za-z0-9]*(\\.waitForTaskToken)?");

  /**
   * arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:VERSION or ALIAS], the name as Lambda names
   * functions. The region and account must be there; their form is not checked, since examples
   * everywhere (the ASL validator's among them) write {@code region-1:1234567890}.
   */
  private static final Pattern LAMBDA_FUNCTION =
      Pattern.compile("arn:[a-z-]+:lambda:[a-z0-9-]+:\\d+:function:[A-Za-z0-9_-]{1,64}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
  /** arn:PARTITION:states:REGION:ACCOUNT:activity:NAME, a name as CreateActivity takes it. */
  private static final Pattern ACTIVITY = Pattern.compile("arn:[a-z-]+:states:[a-z0-9-]+:\\d+:activity:[^\\s:]{1,80}");

  private ServiceIntegrations() {}

  /**
   * AWS's words for a Resource it does not recognise (inferred: the text AWS's CreateStateMachine
   * gives, which no recorded case holds), with what would be recognised after it.
   */
  static String notRecognized(String resource, String hint) {
    return "The resource provided " + resource + " is not recognized. The value is not a valid resource ARN, or the resource is not"
        + " available in this region. (" + hint + ")";
  }

  /** What is wrong with a Task's Resource (already an ARN), or null when AWS would take it. */
  static String problem(String resource) {
    Matcher m = INTEGRATION.matcher(resource);
    if (!m.matches()) {
      return otherArn(resource);
    }
    String service = m.group(1);
    String action = m.group(2);
    if (service.equals("aws-sdk")) {
      return SDK_ACTION.matcher(action).matches()
          ? null
          : "names an AWS SDK integration as aws-sdk:SERVICE:ACTION[.waitForTaskToken], e.g."
              + " arn:aws:states:::aws-sdk:s3:listBuckets; '" + action + "' is not that";
    }
    if (!SERVICES.contains(service)) {
      return "names '" + service + "', which is not a Step Functions service integration (the services are "
          + String.join(", ", SERVICES.stream().sorted().toList()) + ", and aws-sdk:SERVICE for the AWS SDK ones)";
    }
    Matcher a = ACTION.matcher(action);
    if (!a.matches()) {
      return "names the action '" + action + "', which is not an action with an optional .sync, .sync:2"
          + " or .waitForTaskToken suffix";
    }
    Map<String, Set<String>> actions = ACTIONS.get(service);
    if (actions == null) {
      return null;
    }
    String name = a.group(1);
    String pattern = a.group(2) == null ? RR : a.group(2);
    Set<String> patterns = actions.get(name);
    if (patterns == null) {
      return notRecognized(resource, service + "'s optimized actions are " + String.join(", ", actions.keySet().stream().sorted().toList())
          + "; the others are AWS SDK integrations: arn:aws:states:::aws-sdk:" + service + ":" + name);
    }
    if (!patterns.contains(pattern)) {
      return notRecognized(resource, service + ":" + name + " takes " + String.join(", ", patterns.stream().sorted()
          .map(p -> p.isEmpty() ? "no suffix (request and response)" : p).toList()));
    }
    return null;
  }

  /** A Resource that is not a service integration: a Lambda function's ARN or an activity's, else not recognised. */
  private static String otherArn(String resource) {
    String[] parts = resource.split(":", 7);
    String service = parts.length > 2 ? parts[2] : "";
    if (service.equals("lambda")) {
      return LAMBDA_FUNCTION.matcher(resource).matches() ? null : notRecognized(resource,
          "a Lambda function is arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER], with a region, an account and a name"
              + " of at most 64 letters, digits, hyphens and underscores");
    }
    if (service.equals("states") && parts.length > 5 && parts[5].equals("activity")) {
      return ACTIVITY.matcher(resource).matches() ? null : notRecognized(resource,
          "an activity is arn:PARTITION:states:REGION:ACCOUNT:activity:NAME, with a region, an account and a name of at most 80"
              + " characters");
    }
    return notRecognized(resource, "a Task's Resource is a Lambda function's ARN, an activity's, or a service integration"
        + " arn:PARTITION:states:::SERVICE:ACTION");
  }
}
