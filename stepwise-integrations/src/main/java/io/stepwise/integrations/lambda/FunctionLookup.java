package io.stepwise.integrations.lambda;

import io.stepwise.engine.task.TaskFailure;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The registered functions and how a task's reference finds one: the reference as written (a
 * name, a partial ARN or a full ARN, with or without qualifier), else the bare function name,
 * else the function registered as "*". Nothing found fails as Lambda's Invoke does.
 */
final class FunctionLookup {
  static final String ANY = "*";

  private final Map<String, LambdaFunction> functions;
  private final Supplier<UUID> requestIds;

  FunctionLookup(Map<String, LambdaFunction> functions, Supplier<UUID> requestIds) {
    this.functions = Map.copyOf(functions);
    this.requestIds = requestIds;
  }

  /**
   * The function a reference names.
   *
   * @param nameOrArn the reference as the task gives it
   * @param name the function name in it, without qualifier
   * @param executionArn the calling execution, whose region and account a bare name is looked up in
   * @throws TaskFailure Lambda.ResourceNotFoundException when nothing matches
   */
  LambdaFunction find(String nameOrArn, String name, String executionArn) {
    LambdaFunction fn = functions.get(nameOrArn);
    if (fn == null) {
      fn = functions.get(name);
    }
    if (fn == null) {
      fn = functions.get(ANY);
    }
    if (fn == null) {
      String arn = nameOrArn.startsWith("arn:") ? nameOrArn : arnInRegionOf(executionArn, name);
      throw new TaskFailure(
          "Lambda.ResourceNotFoundException",
          "Function not found: " + arn + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
              + requestIds.get() + "; Proxy: null)");
    }
    return fn;
  }

  /** The function name from a name, a partial ARN or a full ARN, without a qualifier. */
  static String functionName(String nameOrArn) {
    int i = nameOrArn.indexOf(":function:");
    String name = i >= 0 ? nameOrArn.substring(i + 10) : nameOrArn;
    int q = name.indexOf(':');
    return q < 0 ? name : name.substring(0, q);
  }

  /**
   * The ARN a bare name stands for: Lambda looks it up in the caller's own region and account,
   * which for a state machine are its execution's. (An execution ARN that is not an ARN, which
   * the engine never makes, leaves the name as it is.)
   */
  static String arnInRegionOf(String executionArn, String name) {
    String[] p = executionArn == null ? new String[0] : executionArn.split(":", 6);
    if (p.length < 6 || !p[0].equals("arn")) {
      return name;
    }
    return "arn:" + p[1] + ":lambda:" + p[3] + ":" + p[4] + ":function:" + name;
  }
}
