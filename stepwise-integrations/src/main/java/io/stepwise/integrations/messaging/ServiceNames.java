package io.stepwise.integrations.messaging;

import io.stepwise.engine.task.TaskFailure;

/**
 * How Step Functions names a service's error for the task: an optimised integration
 * ({@code arn:aws:states:::sqs:sendMessage}) as its Java SDK v1 exception, {@code SQS.QueueDoesNotExistException}
 * (an error the model does not name: the service's base exception, {@code SQS.AmazonSQSException}),
 * with the SDK v1's cause {@code MESSAGE (Service: AmazonSQS; Status Code: 400; Error Code: CODE;
 * Request ID: ID; Proxy: null)}; an AWS SDK integration ({@code arn:aws:states:::aws-sdk:sqs:sendMessage})
 * as its SDK v2 exception under the SDK's service name, {@code Sqs.QueueDoesNotExistException}
 * ({@code Sqs.SqsException}), with the v2 cause {@code MESSAGE (Service: Sqs, Status Code: 400,
 * Request ID: ID)}.
 *
 * @param optimizedPrefix {@code SQS}
 * @param v1Service {@code AmazonSQS}
 * @param sdkPrefix {@code Sqs}
 */
public record ServiceNames(String optimizedPrefix, String v1Service, String sdkPrefix) {
  public TaskFailure failure(ServiceError e, boolean sdkIntegration) {
    String exception = e.shape() == null ? null : e.shape().endsWith("Exception") ? e.shape() : e.shape() + "Exception";
    if (sdkIntegration) {
      String name = sdkPrefix + "." + (exception == null ? sdkPrefix + "Exception" : exception);
      return new TaskFailure(name, e.getMessage() + " (Service: " + sdkPrefix + ", Status Code: " + e.status() + ", Request ID: " + e.requestId() + ")");
    }
    String name = optimizedPrefix + "." + (exception == null ? v1Service + "Exception" : exception);
    return new TaskFailure(name, e.getMessage() + " (Service: " + v1Service + "; Status Code: " + e.status() + "; Error Code: " + e.code()
        + "; Request ID: " + e.requestId() + "; Proxy: null)");
  }
}
