package io.stepwise.asl.model;

/**
 * What a Task's Resource ARN names, and so which history events it produces; worked out once,
 * when the definition is loaded.
 *
 * @param type the family of resource
 * @param resourceType for service integrations, the service ("lambda", "dynamodb", ...; "aws-sdk:s3"
 *     for an AWS SDK integration)
 * @param resource for service integrations, the action with its pattern suffix ("invoke",
 *     "putItem.waitForTaskToken"); for others the whole ARN
 * @param functionName for a Lambda function ARN, the function's name
 */
public record ResourceArn(Type type, String arn, String resourceType, String resource, String functionName) {
  public enum Type {
    LAMBDA_FUNCTION,
    SERVICE,
    ACTIVITY,
    OTHER
  }

  public static ResourceArn of(String arn) {
    if (arn == null) {
      return new ResourceArn(Type.OTHER, "", null, "", null);
    }
    String[] parts = arn.split(":", 7);
    if (parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")) {
      String name = parts[6];
      int q = name.indexOf(':');
      return new ResourceArn(Type.LAMBDA_FUNCTION, arn, null, arn, q < 0 ? name : name.substring(0, q));
    }
    if (arn.startsWith("arn:") && parts.length >= 6 && parts[2].equals("states") && parts[3].isEmpty() && parts[4].isEmpty()) {
      // arn:aws:states:::service:action[.pattern]
      String rest = arn.substring(arn.indexOf(":::") + 3);
      int colon = rest.indexOf(':');
      if (rest.startsWith("aws-sdk:")) {
        // AWS records an SDK integration as resourceType "aws-sdk:glue", resource "startJobRun"
        colon = rest.indexOf(':', "aws-sdk:".length());
      }
      if (colon > 0) {
        return new ResourceArn(Type.SERVICE, arn, rest.substring(0, colon), rest.substring(colon + 1), null);
      }
    }
    if (parts.length >= 6 && parts[2].equals("states") && parts[5].startsWith("activity")) {
      return new ResourceArn(Type.ACTIVITY, arn, null, arn, null);
    }
    return new ResourceArn(Type.OTHER, arn, null, arn, null);
  }

  public boolean isLambdaInvoke() {
    return type == Type.SERVICE && "lambda".equals(resourceType) && resource.startsWith("invoke");
  }
}
