package io.stepwise.integrations.lambda.targets;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.LambdaFunction;
import java.util.List;

/** A function in Stepwise's own JVM (the Java API): its value is the payload; its TaskFailure is the task's error as thrown. */
public final class JavaTarget extends LocalTarget {
  private final LambdaFunction handler;

  public JavaTarget(String function, LambdaFunction handler) {
    super(function, 128);
    this.handler = handler;
  }

  @Override
  protected Ran run(InvokeRequest request) throws Exception {
    JsonNode out = handler.handle(request.event());
    return new Ran(InvokeResult.returnedValue(out == null ? Json.NODES.nullNode() : out, null), List.of());
  }

  @Override
  public String kind() {
    return "java";
  }

  @Override
  public String target() {
    return handler.getClass().getName();
  }
}
