package io.stepwise.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routes a target to its operation and runs it: read, check constraints, handle. Operations are
 * listed explicitly by whoever builds the server (no scanning), one per name.
 */
public final class Dispatcher {
  private final Map<String, Operation<?, ?>> operations = new LinkedHashMap<>();

  public Dispatcher(Collection<? extends Operation<?, ?>> all) {
    for (Operation<?, ?> op : all) {
      if (!StepFunctionsApi.OPERATIONS.contains(op.name())) {
        throw new IllegalArgumentException("not an operation of the Step Functions API: " + op.name());
      }
      if (operations.putIfAbsent(op.name(), op) != null) {
        throw new IllegalArgumentException("two operations named " + op.name());
      }
    }
  }

  public boolean implemented(String name) {
    return operations.containsKey(name);
  }

  /**
   * The operation named by an {@code X-Amz-Target} value. A target outside the API is unknown; an
   * operation of the API that this server does not carry out yet is answered the same way (the
   * code clients already handle), with a message that says which it is.
   */
  public Operation<?, ?> route(String target) {
    if (target == null || target.isBlank()) {
      throw ProtocolErrors.unknownOperation("The request has no X-Amz-Target header; expected "
          + StepFunctionsApi.TARGET_PREFIX + ".<Operation>");
    }
    String prefix = StepFunctionsApi.TARGET_PREFIX + ".";
    String name = target.startsWith(prefix) ? target.substring(prefix.length()) : null;
    Operation<?, ?> op = name == null ? null : operations.get(name);
    if (op != null) {
      return op;
    }
    if (name != null && StepFunctionsApi.OPERATIONS.contains(name)) {
      throw ProtocolErrors.unknownOperation("Stepwise does not implement " + name + " yet");
    }
    throw ProtocolErrors.unknownOperation("Unknown operation: " + target);
  }

  /** Runs one request through its operation; ApiExceptions are the client's answer. */
  public <Q, R extends Response> Response run(Operation<Q, R> op, JsonNode body, RequestContext context) {
    JsonInput input = JsonInput.of(body);
    Q request = op.read(input);
    input.finish();
    return op.handle(request, context);
  }
}
