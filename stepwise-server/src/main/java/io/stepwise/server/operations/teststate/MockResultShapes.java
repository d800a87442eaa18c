package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.TaskState;
import io.stepwise.server.protocol.ApiException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * A mocked service result held to the service's response shape, as TestState's
 * fieldValidationMode asks (STRICT, the default: required fields present and present fields of
 * their type; PRESENT: present fields only; NONE: nothing). The shape is the AWS SDK for Java v2's
 * model of the operation's response ({@code software.amazon.awssdk.services.SERVICE.model.ActionResponse}),
 * its member names with a capital first letter as Step Functions gives them; a service whose SDK
 * is not on the class path, a Lambda function, an activity, the HTTP Task and a callback or .sync
 * pattern are not checked. Fields the shape does not have are allowed (as AWS allows them). The
 * SDK's response models do not say which members are required, so STRICT knows the required
 * members of Step Functions' own outputs only ({@link #REQUIRED}).
 */
final class MockResultShapes {
  private static final String PREFIX = "Mock result schema validation error: ";

  /** The optimised integrations whose service name is not the SDK's package. */
  private static final Map<String, String> PACKAGES = Map.of("events", "eventbridge", "states", "sfn");

  /** Required top-level members of Step Functions' operation outputs (from its API model), by SDK class. */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "sfn.StartExecutionResponse", List.of("ExecutionArn", "StartDate"),
      "sfn.StartSyncExecutionResponse", List.of("ExecutionArn", "StartDate", "StopDate", "Status"),
      "sfn.DescribeExecutionResponse", List.of("ExecutionArn", "StateMachineArn", "Status", "StartDate"),
      "sfn.StopExecutionResponse", List.of("StopDate"),
      "sfn.RedriveExecutionResponse", List.of("RedriveDate"),
      "sfn.CreateActivityResponse", List.of("ActivityArn", "CreationDate"),
      "sfn.CreateStateMachineResponse", List.of("StateMachineArn", "CreationDate"),
      "sfn.DescribeStateMachineResponse", List.of("StateMachineArn", "Name", "Definition", "RoleArn", "Type", "CreationDate"),
      "sfn.ListExecutionsResponse", List.of("Executions"),
      "sfn.ListStateMachinesResponse", List.of("StateMachines"));

  private MockResultShapes() {}

  static void check(TaskState task, JsonNode result, TestState.FieldValidationMode mode) {
    if (mode == TestState.FieldValidationMode.NONE) {
      return;
    }
    String model = modelClass(task.resourceArn());
    if (model == null) {
      return;
    }
    SdkPojo builder;
    try {
      builder = (SdkPojo) Class.forName("software.amazon.awssdk.services." + model.replace(".", ".model.")).getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return; // no SDK model on the class path for this service or operation: nothing to hold it to
    }
    if (!result.isObject()) {
      throw invalid("The mocked result must be a JSON object");
    }
    if (mode == TestState.FieldValidationMode.STRICT) {
      for (String required : REQUIRED.getOrDefault(model, List.of())) {
        if (!result.has(required) || result.get(required).isNull()) {
          throw invalid("Required field '" + required + "' is missing");
        }
      }
    }
    structure(builder, result);
  }

  /** "sfn.StartExecutionResponse" for arn:aws:states:::states:startExecution or ...:::aws-sdk:sfn:startExecution; null when not checked. */
  static String modelClass(ResourceArn arn) {
    if (arn.type() != ResourceArn.Type.SERVICE) {
      return null;
    }
    String action = arn.resource();
    if (action == null || action.isEmpty() || action.contains(".")) {
      return null; // .sync, .waitForTaskToken: the result is the job's or the callback's, not the call's
    }
    String type = arn.resourceType();
    String service = type.startsWith("aws-sdk:") ? type.substring("aws-sdk:".length()) : PACKAGES.getOrDefault(type, type);
    if (service.equals("http")) {
      return null;
    }
    return service.toLowerCase(Locale.ROOT) + "." + Character.toUpperCase(action.charAt(0)) + action.substring(1) + "Response";
  }

  private static void structure(SdkPojo builder, JsonNode value) {
    Class<?> model = builder.getClass().getEnclosingClass();
    for (SdkField<?> f : builder.sdkFields()) {
      String name = sfnName(f.memberName());
      JsonNode v = value.get(name);
      if (v != null && !v.isNull()) {
        field(f, name, v, model);
      }
    }
  }

  private static void field(SdkField<?> f, String name, JsonNode v, Class<?> owner) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.DOCUMENT) {
      return;
    }
    if (t == MarshallingType.STRING) {
      require(v.isTextual(), name, "a string");
      Set<String> allowed = enumValues(owner, f.memberName(), false);
      if (allowed != null && !allowed.contains(v.textValue())) {
        throw invalid("Field '" + name + "' is not an expected value");
      }
    } else if (t == MarshallingType.INSTANT || t == MarshallingType.SDK_BYTES) {
      // a Lambda Invoke's Payload is the function's JSON in Step Functions' results: any JSON passes
      require(v.isTextual() || (t == MarshallingType.SDK_BYTES && name.equals("Payload")), name, "a string");
    } else if (t == MarshallingType.INTEGER || t == MarshallingType.LONG || t == MarshallingType.SHORT || t == MarshallingType.BYTE) {
      require(v.isIntegralNumber(), name, "a number");
    } else if (t == MarshallingType.FLOAT || t == MarshallingType.DOUBLE || t == MarshallingType.BIG_DECIMAL) {
      require(v.isNumber(), name, "a number");
    } else if (t == MarshallingType.BOOLEAN) {
      require(v.isBoolean(), name, "a boolean");
    } else if (t == MarshallingType.SDK_POJO) {
      require(v.isObject(), name, "an object");
      structure(f.constructor().get(), v);
    } else if (t == MarshallingType.LIST) {
      require(v.isArray(), name, "an array");
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      Set<String> allowed = member.marshallingType() == MarshallingType.STRING ? enumValues(owner, f.memberName(), true) : null;
      for (JsonNode e : v) {
        if (e.isNull()) {
          continue;
        }
        field(member, name, e, owner);
        if (allowed != null && !allowed.contains(e.textValue())) {
          throw invalid("Field '" + name + "' is not an expected value");
        }
      }
    } else if (t == MarshallingType.MAP) {
      require(v.isObject(), name, "an object");
      SdkField<?> member = f.getTrait(MapTrait.class).valueFieldInfo();
      for (JsonNode e : v) {
        if (!e.isNull()) {
          field(member, name, e, owner);
        }
      }
    }
  }

  /** An enum member's known values: the model class has {@code xAsString()} (or {@code xAsStrings()} for a list) beside {@code x()}. */
  private static Set<String> enumValues(Class<?> owner, String member, boolean list) {
    if (owner == null) {
      return null;
    }
    String suffix = list ? "AsStrings" : "AsString";
    for (Method m : owner.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(member + suffix)) {
        try {
          Method typed = owner.getMethod(m.getName().substring(0, m.getName().length() - suffix.length()));
          Type type = list && typed.getGenericReturnType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : typed.getReturnType();
          if (type instanceof Class<?> c && c.isEnum()) {
            Set<String> values = new HashSet<>();
            for (Object constant : (Set<?>) c.getMethod("knownValues").invoke(null)) {
              values.add(constant.toString());
            }
            return values;
          }
        } catch (ReflectiveOperationException | ClassCastException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String sfnName(String member) {
    return member.isEmpty() ? member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  private static void require(boolean ok, String name, String what) {
    if (!ok) {
      throw invalid("Field '" + name + "' must be " + what);
    }
  }

  private static ApiException invalid(String why) {
    return ApiException.client("ValidationException", PREFIX + why);
  }
}
