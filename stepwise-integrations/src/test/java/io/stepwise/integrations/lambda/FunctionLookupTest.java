package io.stepwise.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.JavaTarget;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a task's reference finds a function, and the failure when none matches. */
class FunctionLookupTest {
  static final String EXECUTION = "arn:aws:states:eu-west-1:222222222222:execution:Machine:run-1";
  static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  private static LambdaTarget answering(String name) {
    return new JavaTarget(name, event -> Json.NODES.textNode(name));
  }

  private static FunctionLookup lookup(Map<String, LambdaTarget> functions) {
    return new FunctionLookup(functions, null);
  }

  private static String found(FunctionLookup l, String reference) throws Exception {
    LambdaTarget t = l.find(FunctionRef.parse(reference), EXECUTION, ID.toString());
    return t.invoke(InvokeRequest.of(reference, "f", "arn", null, Json.NODES.nullNode(), "id")).value().asText();
  }

  @Test
  void theNameIsWhatFollowsFunctionWithoutAQualifier() {
    assertThat(FunctionLookup.functionName("pay")).isEqualTo("pay");
    assertThat(FunctionLookup.functionName("pay:prod")).isEqualTo("pay");
    assertThat(FunctionLookup.functionName("222222222222:function:pay")).isEqualTo("pay");
    assertThat(FunctionLookup.functionName("arn:aws:lambda:eu-west-1:222222222222:function:pay")).isEqualTo("pay");
    assertThat(FunctionLookup.functionName("arn:aws:lambda:eu-west-1:222222222222:function:pay:7")).isEqualTo("pay");
  }

  @Test
  void theReferenceAsWrittenComesFirstThenTheBareNameThenAny() throws Exception {
    String arn = "arn:aws:lambda:eu-west-1:222222222222:function:pay";
    Map<String, LambdaTarget> fns = new LinkedHashMap<>();
    fns.put(arn + ":prod", answering("prod alias"));
    fns.put("pay", answering("by name"));
    FunctionLookup l = lookup(fns);
    assertThat(found(l, arn + ":prod")).isEqualTo("prod alias");
    assertThat(found(l, arn)).isEqualTo("by name");
    assertThat(found(l, arn + ":7")).isEqualTo("by name");
    assertThat(found(l, "222222222222:function:pay")).isEqualTo("by name");
    assertThatThrownBy(() -> found(l, "refund")).isInstanceOf(TaskFailure.class);
    fns.put(FunctionLookup.ANY, answering("any"));
    FunctionLookup withAny = lookup(fns);
    assertThat(found(withAny, "refund")).isEqualTo("any");
    assertThat(found(withAny, "pay")).isEqualTo("by name");
  }

  @Test
  void nothingFoundIsLambdasResourceNotFoundWithTheFunctionsArnAndARequestId() {
    FunctionLookup l = lookup(Map.of());
    assertThatThrownBy(() -> found(l, "pay"))
        .isInstanceOfSatisfying(TaskFailure.class, f -> {
          assertThat(f.error()).isEqualTo("Lambda.ResourceNotFoundException");
          assertThat(f.cause()).isEqualTo("Function not found: arn:aws:lambda:eu-west-1:222222222222:function:pay:$LATEST"
              + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;"
              + " Request ID: 0f8fad5b-d9cb-469f-a165-70867728950e; Proxy: null)");
        });
    // a partial ARN is reported by its name in the execution's region; a full ARN as written
    assertThatThrownBy(() -> found(l, "333333333333:function:pay"))
        .hasMessageContaining("Function not found: arn:aws:lambda:eu-west-1:222222222222:function:pay:$LATEST (");
    // with a qualifier, the ARN as written (Lambda adds $LATEST only to an unqualified one)
    assertThatThrownBy(() -> found(l, "arn:aws:lambda:us-east-2:333333333333:function:pay:prod"))
        .hasMessageContaining("Function not found: arn:aws:lambda:us-east-2:333333333333:function:pay:prod (");
  }

  @Test
  void aBareNameIsLookedUpInTheExecutionsPartitionRegionAndAccount() {
    assertThat(FunctionLookup.arnInRegionOf(EXECUTION, "pay")).isEqualTo("arn:aws:lambda:eu-west-1:222222222222:function:pay");
    assertThat(FunctionLookup.arnInRegionOf("arn:aws:states:us-east-1:111111111111:express:M:e:0f8fad5b", "pay"))
        .isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:pay");
    assertThat(FunctionLookup.arnInRegionOf("arn:aws-cn:states:cn-north-1:111111111111:execution:M:e", "pay"))
        .isEqualTo("arn:aws-cn:lambda:cn-north-1:111111111111:function:pay");
    assertThat(FunctionLookup.arnInRegionOf("exec-1", "pay")).isEqualTo("pay");
    assertThat(FunctionLookup.arnInRegionOf(null, "pay")).isEqualTo("pay");
  }
}
