package io.stepwise.server.api;

import static io.stepwise.server.TestServer.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.server.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * ValidateStateMachineDefinition: the result, and each of AWS's diagnostic codes for a definition
 * that has it (the codes are read from the validator's words: a change there shows here).
 */
class ValidateDefinitionTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static ValidateStateMachineDefinitionResponse validate(String definition) {
    return t.sfn.validateStateMachineDefinition(b -> b.definition(definition));
  }

  @Test
  void aValidDefinitionIsOk() {
    ValidateStateMachineDefinitionResponse r = validate(PASS);
    assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.truncated()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      INVALID_JSON_DESCRIPTION    | {"StartAt":                                                                                  |
      SCHEMA_VALIDATION_FAILED    | {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Bogus": 1}}}                  | /States/P
      SCHEMA_VALIDATION_FAILED    | {}                                                                                           | /
      MISSING_TRANSITION_TARGET   | {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Q"}, "E": {"Type": "Succeed"}}}    | /States/P/Next
      MISSING_END_STATE           | {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "P"}}}                              | /States
      DUPLICATE_STATE_NAME        | {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}]}}} | /States/P/Branches/0/States/P
      INVALID_RESOURCE            | {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "not-an-arn", "End": true}}}    | /States/T/Resource
      """)
  void eachProblemHasAwsCode(String code, String definition, String location) {
    ValidateStateMachineDefinitionResponse r = validate(definition);
    assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    ValidateStateMachineDefinitionDiagnostic d = r.diagnostics().get(0);
    assertThat(d.severity()).isEqualTo(ValidateStateMachineDefinitionSeverity.ERROR);
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.message()).isNotBlank();
    assertThat(d.location()).isEqualTo(location);
  }

  @Test
  void unreachableStatesAreMissingTransitionTargets() {
    ValidateStateMachineDefinitionResponse r = validate(
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}, \"Q\": {\"Type\": \"Pass\", \"End\": true}}}");
    assertThat(r.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::code, ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING_TRANSITION_TARGET", "/States/Q"));
  }

  @Test
  void labelsHaveTheirOwnCodes() {
    String map = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "%s", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""";
    assertThat(validate(map.formatted("has space")).diagnostics().get(0).code()).isEqualTo("INVALID_LABEL_NAME");
  }

  @Test
  void warningsOnlyWhenAskedForAndTheyDoNotFail() {
    String noDollar = """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x": "$.input"}, "End": true}}}""";
    assertThat(validate(noDollar).diagnostics()).isEmpty();
    ValidateStateMachineDefinitionResponse w = t.sfn.validateStateMachineDefinition(
        b -> b.definition(noDollar).severity(ValidateStateMachineDefinitionSeverity.WARNING));
    assertThat(w.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(w.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::code).containsExactly("NO_DOLLAR");
    assertThat(w.diagnostics().get(0).location()).isEqualTo("/States/P/Parameters/x");
    assertThat(w.diagnostics().get(0).severity()).isEqualTo(ValidateStateMachineDefinitionSeverity.WARNING);

    String staticResult = """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x.$": "$.input"}, "End": true}}}""";
    assertThat(t.sfn.validateStateMachineDefinition(b -> b.definition(staticResult)
        .severity(ValidateStateMachineDefinitionSeverity.WARNING)).diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::code).containsExactly("PASS_RESULT_IS_STATIC");
  }

  @Test
  void aFailsErrorOrCauseThatLooksLikeAPathIsWarnedAsNoPath() {
    String fail = """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "$.error", "Cause": "a plain cause"}}}""";
    ValidateStateMachineDefinitionResponse w = t.sfn.validateStateMachineDefinition(
        b -> b.definition(fail).severity(ValidateStateMachineDefinitionSeverity.WARNING));
    assertThat(w.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(w.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::code, ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_PATH", "/States/F/Error"));
  }

  @Test
  void resourcesAwsDoesNotRecognizeAreInvalidResources() {
    for (String resource : List.of("arn:aws:states:::dynamodb:query", "arn:aws:states:::dynamodb:getItem.sync",
        "arn:aws:states:::lambda:invoke.sync", "arn:aws:states:::sqs:sendMessage.sync", "arn:aws:lambda:us-east-1::function:pay",
        "arn:aws:lambda:us-east-1:123456789012:function:pay.v2", "arn:aws:sqs:us-east-1:123456789012:orders",
        "arn:aws:states:us-east-1:123456789012:activity:")) {
      ValidateStateMachineDefinitionResponse r = validate(
          "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"End\": true}}}");
      assertThat(r.result()).as(resource).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
      assertThat(r.diagnostics()).as(resource).singleElement().satisfies(d -> {
        assertThat(d.code()).isEqualTo("INVALID_RESOURCE");
        assertThat(d.location()).isEqualTo("/States/T/Resource");
        assertThat(d.message()).startsWith("The resource provided " + resource + " is not recognized.");
      });
    }
    for (String resource : List.of("arn:aws:states:::dynamodb:getItem", "arn:aws:states:::aws-sdk:dynamodb:query",
        "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::ecs:runTask.waitForTaskToken",
        "arn:aws:lambda:eu-west-1:123456789012:function:pay:live", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:pay",
        "arn:aws:states:us-east-1:123456789012:activity:track", "arn:aws:states:::eks:call")) {
      assertThat(validate("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + resource
          + "\", \"End\": true}}}").result()).as(resource).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }
  }

  @Test
  void maxResultsTruncates() {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      states.append(i == 0 ? "" : ",").append("\"S").append(i).append("\": {\"Type\": \"Pass\", \"Bogus\": 1, \"End\": true}");
    }
    String definition = "{\"StartAt\": \"S0\", \"States\": {" + states + "}}";
    ValidateStateMachineDefinitionResponse r = t.sfn.validateStateMachineDefinition(b -> b.definition(definition).maxResults(2));
    assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(r.diagnostics()).hasSize(2);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void expressRulesApplyWhenTheTypeIsExpress() {
    String sync = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync", "End": true}}}""";
    assertThat(validate(sync).result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    ValidateStateMachineDefinitionResponse r = t.sfn.validateStateMachineDefinition(
        b -> b.definition(sync).type(StateMachineType.EXPRESS));
    assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(r.diagnostics().get(0).location()).isEqualTo("/States/T/Resource");
  }
}
