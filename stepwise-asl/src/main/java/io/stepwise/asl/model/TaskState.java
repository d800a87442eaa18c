package io.stepwise.asl.model;

/**
 * @param resourceArn what {@code resource} names, parsed when the definition loads
 * @param parameters Parameters (JSONPath) or Arguments (JSONata), or null
 * @param timeout TimeoutSeconds(Path), or null
 * @param heartbeat HeartbeatSeconds(Path), or null
 * @param credentials Credentials, or null
 */
public record TaskState(
    StateCommon common,
    String next,
    String resource,
    ResourceArn resourceArn,
    Expression parameters,
    ResultHandling result,
    TimeLimit timeout,
    TimeLimit heartbeat,
    ErrorHandling errors,
    Expression credentials)
    implements State {
  @Override
  public String typeName() {
    return "Task";
  }
}
