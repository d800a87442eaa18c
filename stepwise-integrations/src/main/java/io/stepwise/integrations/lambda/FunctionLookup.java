package io.stepwise.integrations.lambda;

import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.targets.LambdaErrors;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.util.Map;

/**
 * The registered functions and how a task's reference finds one: the reference as written (a
 * name, a partial ARN or a full ARN, with or without qualifier), else the bare function name,
 * else the function registered as "*", else the remote Lambda when one is configured. Nothing
 * found fails as Lambda's Invoke does.
 */
final class FunctionLookup {
  static final String ANY = "*";

  private final Map<String, LambdaTarget> functions;
  private final LambdaTarget remote;

  /** @param remote what answers every other reference (a real Lambda), or null */
  FunctionLookup(Map<String, LambdaTarget> functions, LambdaTarget remote) {
    this.functions = Map.copyOf(functions);
    this.remote = remote;
  }

  /**
   * The function a reference names.
   *
   * @param executionArn the calling execution, whose region and account a bare name is looked up in
   * @param requestId the invocation's request id, for the error
   * @throws TaskFailure Lambda.ResourceNotFoundException when nothing matches
   */
  LambdaTarget find(FunctionRef ref, String executionArn, String requestId) {
    LambdaTarget fn = functions.get(ref.text());
    if (fn == null) {
      fn = functions.get(ref.name());
    }
    if (fn == null) {
      fn = functions.get(ANY);
    }
    if (fn == null) {
      fn = remote;
    }
    if (fn == null) {
      String arn = ref.text().startsWith("arn:") ? ref.text() : arnInRegionOf(executionArn, ref.name());
      throw LambdaErrors.service("ResourceNotFoundException", 404, "Function not found: " + arn + (ref.qualifier() == null ? ":$LATEST" : ""),
          requestId);
    }
    return fn;
  }

  /** The function name from a name, a partial ARN or a full ARN, without a qualifier. */
  static String functionName(String nameOrArn) {
    return FunctionRef.parse(nameOrArn).name();
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
