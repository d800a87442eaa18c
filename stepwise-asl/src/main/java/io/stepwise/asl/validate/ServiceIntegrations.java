package io.stepwise.asl.validate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service integrations a Task's {@code arn:PARTITION:states:::SERVICE:ACTION} Resource may
 * name. AWS refuses a definition whose Resource names a service it does not integrate with, so a
 * typo in the service is caught when the definition loads rather than when the task runs. Only the
 * service and the shape of the action are checked: AWS adds actions often, and the AWS SDK
 * integrations ({@code aws-sdk:SERVICE:ACTION}) cover thousands.
 */
final class ServiceIntegrations {
  /** The optimized integrations, by the service name their ARNs use. */
  static final Set<String> SERVICES = Set.of(
      "apigateway", "athena", "batch", "bedrock", "codebuild", "databrew", "dynamodb", "ecs", "eks",
      "elasticmapreduce", "emr-containers", "emr-serverless", "events", "glue", "http", "lambda",
      "mediaconvert", "s3", "sagemaker", "sns", "sqs", "states");

  private static final Pattern INTEGRATION = Pattern.compile("arn:[^:]+:states:::([^:]+):(.*)");
  private static final Pattern ACTION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.sync(:2)?|\\.waitForTaskToken)?");
  private static final Pattern SDK_ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z][A-Za-z0-9]*(\\.waitForTaskToken)?");

  private ServiceIntegrations() {}

  /** What is wrong with a service-integration Resource, or null when it is fine or not one. */
  static String problem(String resource) {
    Matcher m = INTEGRATION.matcher(resource);
    if (!m.matches()) {
      return null;
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
    if (!ACTION.matcher(action).matches()) {
      return "names the action '" + action + "', which is not an action with an optional .sync, .sync:2"
          + " or .waitForTaskToken suffix";
    }
    return null;
  }
}
