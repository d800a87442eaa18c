package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field a state reads at run time, given each kind of wrong value, in each query language:
 * the execution fails with AWS's error and cause (docs/conformance.md, "Runtime errors", has the
 * table and which texts AWS was recorded giving).
 */
class RuntimeValueErrorsTest {
  private static final String RUNTIME = "States.Runtime";
  private static final String QUERY = "States.QueryEvaluationError";
  private static final String PREFIX = "An error occurred while executing the state 'S' (entered at the event id #2). ";
  private static final String JSONATA = "JSONata";
  private static final String JSONPATH = "JSONPath";

  private final Engine engine = Fixtures.engine().build();

  static Stream<Arguments> cases() {
    String inline = "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    String distributed =
        "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    String task = "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:my:call\",\"End\":true";
    String map = "\"Type\":\"Map\",\"End\":true,\"ItemsPath\":\"$.items\"," + inline;
    String dmap = "\"Type\":\"Map\",\"End\":true,\"ItemsPath\":\"$.items\"," + distributed;
    String jmap = "\"Type\":\"Map\",\"End\":true,\"Items\":\"{% $states.input.items %}\"," + inline;
    String jdmap = "\"Type\":\"Map\",\"End\":true,\"Items\":\"{% $states.input.items %}\"," + distributed;
    return Stream.of(
        // Wait, JSONPath
        c("SecondsPath missing", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"SecondsPath\":\"$.s\"", "{}",
            RUNTIME, "The SecondsPath parameter does not reference an input value: $.s"),
        c("SecondsPath a string", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"SecondsPath\":\"$.s\"", "{\"s\":\"ten\"}",
            RUNTIME, "The SecondsPath parameter cannot be parsed as a long value: $.s == ten"),
        c("SecondsPath not an integer", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"SecondsPath\":\"$.s\"", "{\"s\":1.5}",
            RUNTIME, "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5"),
        c("SecondsPath negative", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"SecondsPath\":\"$.s\"", "{\"s\":-1}",
            RUNTIME, "The SecondsPath parameter references a negative value: $.s == -1"),
        c("SecondsPath too long", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"SecondsPath\":\"$.s\"", "{\"s\":100000000}",
            RUNTIME, "Wait state delay is too long."),
        c("TimestampPath missing", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"TimestampPath\":\"$.t\"", "{}",
            RUNTIME, "The TimestampPath parameter does not reference an input value: $.t"),
        c("TimestampPath a number", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"TimestampPath\":\"$.t\"", "{\"t\":5}",
            RUNTIME, "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 5"),
        c("TimestampPath not ISO-8601", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"TimestampPath\":\"$.t\"", "{\"t\":\"2026-11-24T23:30:07\"}",
            RUNTIME,
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2026-11-24T23:30:07"),
        c("TimestampPath too far", JSONPATH, "\"Type\":\"Wait\",\"End\":true,\"TimestampPath\":\"$.t\"", "{\"t\":\"2094-12-13T23:30:07.000Z\"}",
            RUNTIME, "Wait state delay is too long."),
        // Wait, JSONata
        c("Seconds nothing", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Seconds\":\"{% $states.input.s %}\"", "{}",
            QUERY, "The JSONata expression '$states.input.s' specified for the field 'Seconds' returned nothing (undefined)."),
        c("Seconds a string", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Seconds\":\"{% $states.input.s %}\"", "{\"s\":\"ten\"}",
            QUERY, "The JSONata expression '$states.input.s' specified for the field 'Seconds' returned an unexpected result type. "
                + "Expected 'integer', but was 'string' for value: \"ten\""),
        c("Seconds not an integer", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Seconds\":\"{% $states.input.s %}\"", "{\"s\":1.5}",
            QUERY, "The JSONata expression '$states.input.s' specified for the field 'Seconds' returned an unexpected result type. "
                + "Expected 'integer', but was 'number' for value: 1.5"),
        c("Seconds negative", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Seconds\":\"{% $states.input.s %}\"", "{\"s\":-1}",
            QUERY, "The Seconds parameter references a negative value: $states.input.s == -1"),
        c("Seconds too long", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Seconds\":\"{% $states.input.s %}\"", "{\"s\":100000000}",
            QUERY, "Wait state delay is too long."),
        c("Timestamp nothing", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Timestamp\":\"{% $states.input.t %}\"", "{}",
            QUERY, "The JSONata expression '$states.input.t' specified for the field 'Timestamp' returned nothing (undefined)."),
        c("Timestamp a number", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Timestamp\":\"{% $states.input.t %}\"", "{\"t\":5}",
            QUERY, "The JSONata expression '$states.input.t' specified for the field 'Timestamp' returned an unexpected result type. "
                + "Expected 'string', but was 'number' for value: 5"),
        c("Timestamp not ISO-8601", JSONATA, "\"Type\":\"Wait\",\"End\":true,\"Timestamp\":\"{% $states.input.t %}\"", "{\"t\":\"tomorrow\"}",
            QUERY, "The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: $states.input.t == tomorrow"),
        // Task timeouts
        c("TimeoutSecondsPath missing", JSONPATH, task + ",\"TimeoutSecondsPath\":\"$.t\"", "{\"a\":1}",
            RUNTIME, "The JSONPath '$.t' specified for the field 'TimeoutSecondsPath' could not be found in the input '{\"a\":1}'"),
        c("TimeoutSecondsPath a string", JSONPATH, task + ",\"TimeoutSecondsPath\":\"$.t\"", "{\"t\":\"soon\"}",
            RUNTIME, "The TimeoutSecondsPath field refers to value \"soon\" which is not a valid integer: $.t"),
        c("TimeoutSecondsPath not an integer", JSONPATH, task + ",\"TimeoutSecondsPath\":\"$.t\"", "{\"t\":2.5}",
            RUNTIME, "The TimeoutSecondsPath field refers to value \"2.5\" which is not a valid integer: $.t"),
        c("TimeoutSecondsPath zero", JSONPATH, task + ",\"TimeoutSecondsPath\":\"$.t\"", "{\"t\":0}",
            RUNTIME, "TimeoutSeconds must be greater than or equal to 1."),
        c("HeartbeatSecondsPath negative", JSONPATH, task + ",\"HeartbeatSecondsPath\":\"$.h\"", "{\"h\":-5}",
            RUNTIME, "HeartbeatSeconds must be greater than or equal to 1."),
        c("HeartbeatSecondsPath an object", JSONPATH, task + ",\"HeartbeatSecondsPath\":\"$.h\"", "{\"h\":{}}",
            RUNTIME, "The HeartbeatSecondsPath field refers to value \"{}\" which is not a valid integer: $.h"),
        c("TimeoutSeconds a string", JSONATA, task + ",\"TimeoutSeconds\":\"{% $states.input.t %}\"", "{\"t\":\"soon\"}",
            QUERY, "The JSONata expression '$states.input.t' specified for the field 'TimeoutSeconds' returned an unexpected result type. "
                + "Expected 'integer', but was 'string' for value: \"soon\""),
        c("TimeoutSeconds nothing", JSONATA, task + ",\"TimeoutSeconds\":\"{% $states.input.t %}\"", "{}",
            QUERY, "The JSONata expression '$states.input.t' specified for the field 'TimeoutSeconds' returned nothing (undefined)."),
        c("HeartbeatSeconds zero", JSONATA, task + ",\"HeartbeatSeconds\":\"{% $states.input.h %}\"", "{\"h\":0}",
            QUERY, "HeartbeatSeconds must be greater than or equal to 1."),
        // Map: MaxConcurrency
        c("MaxConcurrencyPath a string", JSONPATH, map + ",\"MaxConcurrencyPath\":\"$.m\"", "{\"items\":[1],\"m\":\"NoNumber\"}",
            RUNTIME, "The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid integer: $.m"),
        c("MaxConcurrencyPath missing", JSONPATH, map + ",\"MaxConcurrencyPath\":\"$.m\"", "{\"items\":[1]}",
            RUNTIME, "The JSONPath '$.m' specified for the field 'MaxConcurrencyPath' could not be found in the input '{\"items\":[1]}'"),
        c("MaxConcurrency not an integer", JSONATA, jmap + ",\"MaxConcurrency\":\"{% $states.input.m %}\"", "{\"items\":[1],\"m\":1.5}",
            QUERY, "The JSONata expression '$states.input.m' specified for the field 'MaxConcurrency' returned an unexpected result type. "
                + "Expected 'integer', but was 'number' for value: 1.5"),
        // Map: tolerances
        c("ToleratedFailureCountPath negative", JSONPATH, dmap + ",\"ToleratedFailureCountPath\":\"$.c\"", "{\"items\":[1],\"c\":-1}",
            RUNTIME, "ToleratedFailureCount must be greater than or equal to 0."),
        c("ToleratedFailureCountPath a string", JSONPATH, dmap + ",\"ToleratedFailureCountPath\":\"$.c\"", "{\"items\":[1],\"c\":\"x\"}",
            RUNTIME, "The ToleratedFailureCountPath field refers to value \"x\" which is not a valid integer: $.c"),
        c("ToleratedFailurePercentagePath out of range", JSONPATH, dmap + ",\"ToleratedFailurePercentagePath\":\"$.p\"",
            "{\"items\":[1],\"p\":100.1}", RUNTIME, "ToleratedFailurePercentage must be between 0 and 100."),
        c("ToleratedFailurePercentagePath an object", JSONPATH, dmap + ",\"ToleratedFailurePercentagePath\":\"$.p\"",
            "{\"items\":[1],\"p\":{}}", RUNTIME, "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid float: $.p"),
        c("ToleratedFailurePercentage out of range", JSONATA, jdmap + ",\"ToleratedFailurePercentage\":\"{% $states.input.p %}\"",
            "{\"items\":[1],\"p\":-1}", QUERY, "ToleratedFailurePercentage must be between 0 and 100."),
        c("ToleratedFailurePercentage a string", JSONATA, jdmap + ",\"ToleratedFailurePercentage\":\"{% $states.input.p %}\"",
            "{\"items\":[1],\"p\":\"x\"}", QUERY,
            "The JSONata expression '$states.input.p' specified for the field 'ToleratedFailurePercentage' returned an unexpected result type. "
                + "Expected 'number', but was 'string' for value: \"x\""),
        c("ToleratedFailureCount negative", JSONATA, jdmap + ",\"ToleratedFailureCount\":\"{% $states.input.c %}\"",
            "{\"items\":[1],\"c\":-2}", QUERY, "ToleratedFailureCount must be greater than or equal to 0."),
        // Map: ItemBatcher
        c("MaxItemsPerBatchPath zero", JSONPATH, dmap + ",\"ItemBatcher\":{\"MaxItemsPerBatchPath\":\"$.b\"}", "{\"items\":[1],\"b\":0}",
            RUNTIME, "MaxItemsPerBatch must be greater than or equal to 1."),
        c("MaxInputBytesPerBatchPath a string", JSONPATH, dmap + ",\"ItemBatcher\":{\"MaxInputBytesPerBatchPath\":\"$.b\"}",
            "{\"items\":[1],\"b\":\"big\"}", RUNTIME, "The MaxInputBytesPerBatchPath field refers to value \"big\" which is not a valid integer: $.b"),
        c("MaxItemsPerBatch negative", JSONATA, jdmap + ",\"ItemBatcher\":{\"MaxItemsPerBatch\":\"{% $states.input.b %}\"}",
            "{\"items\":[1],\"b\":-3}", QUERY, "MaxItemsPerBatch must be greater than or equal to 1."),
        // Map: items
        c("ItemsPath not an array", JSONPATH, map, "{\"items\":5}", RUNTIME, "Map state input must be an array but was: 5"),
        c("ItemsPath missing", JSONPATH, map, "{}", RUNTIME, "Invalid path '$.items' : No results for path: $['items']"),
        c("Items not an array", JSONATA, jmap, "{\"items\":\"x\"}",
            QUERY, "The JSONata expression '$states.input.items' specified for the field 'Items' returned an unexpected result type. "
                + "Expected 'array', but was 'string' for value: \"x\""),
        // ResultPath
        c("ResultPath through a number", JSONPATH, "\"Type\":\"Pass\",\"End\":true,\"Result\":1,\"ResultPath\":\"$.a.b\"", "{\"a\":5}",
            "States.ResultPathMatchFailure", "Unable to apply step \"b\" to input 5"),
        // Choice
        c("Choice Variable missing", JSONPATH,
            "\"Type\":\"Choice\",\"Default\":\"D\",\"Choices\":[{\"Variable\":\"$.v\",\"NumericEquals\":1,\"Next\":\"D\"}]},\"D\":{\"Type\":\"Succeed\"",
            "{}", RUNTIME, "Invalid path '$.v': The choice state's condition path references an invalid value."),
        // Fail
        c("ErrorPath not a string", JSONPATH, "\"Type\":\"Fail\",\"ErrorPath\":\"$.e\"", "{\"e\":5}",
            RUNTIME, "The ErrorPath field must resolve to a string, but got: 5"),
        c("Error not a string", JSONATA, "\"Type\":\"Fail\",\"Error\":\"{% $states.input.e %}\"", "{\"e\":5}",
            QUERY, "The JSONata expression '$states.input.e' specified for the field 'Error' returned an unexpected result type. "
                + "Expected 'string', but was 'number' for value: 5"),
        // intrinsic function arguments
        c("States.ArrayPartition chunk size zero", JSONPATH,
            "\"Type\":\"Pass\",\"End\":true,\"Parameters\":{\"r.$\":\"States.ArrayPartition($.a, 0)\"}", "{\"a\":[1,2]}",
            "States.IntrinsicFailure", "Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but was 0"),
        c("States.MathAdd argument a string", JSONPATH,
            "\"Type\":\"Pass\",\"End\":true,\"Parameters\":{\"r.$\":\"States.MathAdd($.a, 1)\"}", "{\"a\":\"x\"}",
            "States.IntrinsicFailure", "Invalid arguments in States.MathAdd: the argument at position 1 must be a number, but was a string"));
  }

  private static Arguments c(String name, String language, String state, String input, String error, String cause) {
    String machine = "{\"QueryLanguage\":\"" + language + "\",\"StartAt\":\"S\",\"States\":{\"S\":{" + state + "}}}";
    return Arguments.of(name + " (" + language + ")", machine, input, error, cause);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aWrongRuntimeValueFailsWithAwsErrorAndCause(String name, String machine, String input, String error, String cause) {
    ExecutionResult r = engine.run(Fixtures.machine(machine), input, Fixtures.options());

    assertThat(r.status()).as(machine).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo(error);
    assertThat(r.cause()).isEqualTo(PREFIX + cause);
  }

  @org.junit.jupiter.api.Test
  void aNumberGivenAsTextInAPathFieldIsThatNumber() {
    ExecutionResult r = engine.run(
        Fixtures.machine("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}}}"),
        "{\"s\":\"30\"}", Fixtures.options());

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.events().get(2).timestamp() - r.events().get(1).timestamp()).isEqualTo(30_000);
  }

  @org.junit.jupiter.api.Test
  void aWrongJsonataValueIsCaughtByStatesAllButAWrongPathValueIsNot() {
    String catcher = ",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}]},\"Caught\":{\"Type\":\"Succeed\"}}}";
    String jsonata = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::aws-sdk:my:call\",\"End\":true,\"TimeoutSeconds\":\"{% $states.input.t %}\"" + catcher;
    String jsonpath = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::aws-sdk:my:call\",\"End\":true,\"TimeoutSecondsPath\":\"$.t\"" + catcher;

    ExecutionResult caught = engine.run(Fixtures.machine(jsonata), "{\"t\":0}", Fixtures.options());
    ExecutionResult failed = engine.run(Fixtures.machine(jsonpath), "{\"t\":0}", Fixtures.options());

    assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Fixtures.types(caught)).contains(io.stepwise.engine.history.EventType.EvaluationFailed);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo(RUNTIME);
  }
}
