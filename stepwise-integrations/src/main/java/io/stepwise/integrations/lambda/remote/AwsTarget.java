package io.stepwise.integrations.lambda.remote;

import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * A real Lambda function, called through the SDK's {@code LambdaClient} with Invoke's every
 * parameter as the task gave it (payload, qualifier, invocation type, client context, log type).
 * Lambda's answer is passed on as it came; its errors become Step Functions': a modelled service
 * error {@code Lambda.<Code>} (Lambda.ServiceException, Lambda.TooManyRequestsException,
 * Lambda.ResourceNotFoundException, ...), one the model does not name
 * {@code Lambda.AWSLambdaException}, and a failure to reach Lambda at all
 * {@code Lambda.SdkClientException}, each with the Java SDK's message as the cause.
 */
public final class AwsTarget implements LambdaTarget {
  private final LambdaClient client;
  private final String function;
  private final String where;
  private final boolean ownsClient;

  /**
   * @param function the remote function's name or ARN; null: the one the task names (the fallback for every undeclared name)
   * @param where where the client points, for the log
   */
  public AwsTarget(LambdaClient client, String function, String where, boolean ownsClient) {
    this.client = client;
    this.function = function;
    this.where = where;
    this.ownsClient = ownsClient;
  }

  @Override
  public InvokeResult invoke(InvokeRequest r) {
    String name = function != null ? function : unqualified(r.reference(), r.qualifier());
    try {
      InvokeResponse resp = client.invoke(b -> {
        b.functionName(name).invocationType(r.type().wire()).payload(SdkBytes.fromUtf8String(r.payload()));
        if (r.qualifier() != null) {
          b.qualifier(r.qualifier());
        }
        if (r.clientContext() != null) {
          b.clientContext(r.clientContext());
        }
        if (r.tailLog()) {
          b.logType(LogType.TAIL);
        }
      });
      String payload = resp.payload() == null ? "" : resp.payload().asUtf8String();
      return new InvokeResult(resp.statusCode(), resp.executedVersion(), resp.functionError(), payload, null, resp.logResult());
    } catch (LambdaException e) {
      throw serviceError(e);
    } catch (AwsServiceException e) {
      throw serviceError(e);
    } catch (SdkClientException e) {
      throw new TaskFailure("Lambda.SdkClientException", e.getMessage());
    }
  }

  static TaskFailure serviceError(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    // a subclass is an error the model names; the SDK's base class is what Step Functions calls AWSLambdaException
    boolean modelled = e.getClass() != LambdaException.class && e.getClass() != AwsServiceException.class && code != null;
    String name = modelled ? code : "AWSLambdaException";
    String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
        : e.awsErrorDetails().errorMessage();
    return new TaskFailure("Lambda." + name, message + " (Service: AWSLambda; Status Code: " + e.statusCode() + "; Error Code: "
        + (code == null ? name : code) + "; Request ID: " + e.requestId() + "; Proxy: null)");
  }

  /** A name:qualifier reference goes as the name with Qualifier beside it, so that Lambda sees one qualifier. */
  private static String unqualified(String reference, String qualifier) {
    if (qualifier == null) {
      return reference;
    }
    String suffix = ":" + qualifier;
    return reference.endsWith(suffix) ? reference.substring(0, reference.length() - suffix.length()) : reference;
  }

  @Override
  public String kind() {
    return "aws";
  }

  @Override
  public String target() {
    return (function == null ? "the function the task names" : function) + " on " + where;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
