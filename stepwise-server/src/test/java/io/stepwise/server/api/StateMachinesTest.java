package io.stepwise.server.api;

import static io.stepwise.server.TestServer.PASS;
import static io.stepwise.server.TestServer.ROLE;
import static io.stepwise.server.TestServer.unique;
import static io.stepwise.server.api.SdkErrors.message;
import static io.stepwise.server.api.SdkErrors.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.stepwise.server.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.IncludedData;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, ListStateMachines. */
class StateMachinesTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private CreateStateMachineResponse create(String name, String definition) {
    return t.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE));
  }

  @Test
  void createsAndDescribesAsAws() {
    String name = unique("hello");
    CreateStateMachineResponse created = create(name, PASS);
    assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:" + name);
    assertThat(created.creationDate()).isEqualTo(t.clock.instant());
    assertThat(created.stateMachineVersionArn()).isNull();

    DescribeStateMachineResponse d = t.sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertThat(d.stateMachineArn()).isEqualTo(created.stateMachineArn());
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.status()).isEqualTo(StateMachineStatus.ACTIVE);
    assertThat(d.definition()).isEqualTo(PASS);
    assertThat(d.roleArn()).isEqualTo(ROLE);
    assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(d.creationDate()).isEqualTo(created.creationDate());
    assertThat(d.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
    assertThat(d.loggingConfiguration().includeExecutionData()).isFalse();
    assertThat(d.tracingConfiguration().enabled()).isFalse();
    assertThat(d.revisionId()).as("no revision id until the first update, as on AWS").isNull();

    DescribeStateMachineResponse meta = t.sfn.describeStateMachine(
        b -> b.stateMachineArn(created.stateMachineArn()).includedData(IncludedData.METADATA_ONLY));
    assertThat(meta.definition()).isEqualTo("{}");
    assertThat(d.hasVariableReferences()).as("a machine that reads no variable lists none").isFalse();
  }

  @Test
  void variableReferencesListWhatEachStateReads() {
    String definition = """
        {"QueryLanguage": "JSONata", "StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"limit": 3, "seen": 0}, "Next": "Loop"},
          "Loop": {"Type": "Map", "Items": "{% [1, 2] %}", "ItemProcessor": {"StartAt": "Use", "States": {
              "Use": {"Type": "Pass", "Output": "{% $limit * $states.input %}", "End": true}}},
            "Assign": {"seen": "{% $seen + 1 %}"}, "Next": "Done"},
          "Done": {"Type": "Succeed", "Output": "{% {'l': $limit, 's': $seen, 'x': ($t := 1; $t)} %}"}}}""";
    String arn = create(unique("vars"), definition).stateMachineArn();
    DescribeStateMachineResponse d = t.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(d.variableReferences()).containsOnly(
        entry("Loop", List.of("seen")),
        entry("Use", List.of("limit")),
        entry("Done", List.of("limit", "seen")));
    assertThat(t.sfn.describeStateMachine(b -> b.stateMachineArn(arn).includedData(IncludedData.METADATA_ONLY))
        .hasVariableReferences()).isFalse();
  }

  @Test
  void createIsIdempotentForTheSameRequestAndRefusesADifferentOne() {
    String name = unique("idem");
    CreateStateMachineResponse first = create(name, PASS);
    t.clock.advance(Duration.ofSeconds(5));
    // a different role is ignored by the idempotency check, and not applied
    CreateStateMachineResponse again = t.sfn.createStateMachine(
        b -> b.name(name).definition(PASS).roleArn("arn:aws:iam::123456789012:role/Other"));
    assertThat(again.stateMachineArn()).isEqualTo(first.stateMachineArn());
    assertThat(again.creationDate()).isEqualTo(first.creationDate());
    assertThat(t.sfn.describeStateMachine(b -> b.stateMachineArn(first.stateMachineArn())).roleArn()).isEqualTo(ROLE);

    // the definition is compared as text: the same machine formatted otherwise is another one
    String reformatted = PASS.replace(" ", "");
    StateMachineAlreadyExistsException e = thrown(StateMachineAlreadyExistsException.class, () -> create(name, reformatted));
    assertThat(message(e)).isEqualTo("State Machine Already Exists: '" + first.stateMachineArn() + "'");
    thrown(StateMachineAlreadyExistsException.class, () -> t.sfn.createStateMachine(
        b -> b.name(name).definition(PASS).roleArn(ROLE).type(StateMachineType.EXPRESS)));
  }

  @Test
  void anInvalidDefinitionIsRefusedWithTheValidatorsMessages() {
    InvalidDefinitionException e = thrown(InvalidDefinitionException.class,
        () -> create(unique("bad"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}"));
    assertThat(message(e)).isEqualTo("Invalid State Machine Definition: '"
        + "MISSING_TRANSITION_TARGET: \"Next\" names no state: \"B\" at /States/A/Next, "
        + "MISSING_END_STATE: no terminal state: no state has \"End\": true or is a Succeed or Fail state at /States'");

    InvalidDefinitionException json = thrown(InvalidDefinitionException.class, () -> create(unique("bad"), "{\"StartAt\": "));
    assertThat(message(json)).startsWith("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: invalid JSON");
  }

  @Test
  void expressMachinesMayNotWaitForCallbacks() {
    String definition = """
        {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}""";
    InvalidDefinitionException e = thrown(InvalidDefinitionException.class, () -> t.sfn.createStateMachine(
        b -> b.name(unique("express")).definition(definition).roleArn(ROLE).type(StateMachineType.EXPRESS)));
    assertThat(message(e)).contains("SCHEMA_VALIDATION_FAILED: Express state machine does not support "
        + "'.waitForTaskToken' service integration  at /States/T/Resource");
    // the same definition is a valid Standard machine
    assertThat(create(unique("standard"), definition).stateMachineArn()).isNotNull();
  }

  @Test
  void namesAreCheckedAsAwsChecksThem() {
    InvalidNameException e = thrown(InvalidNameException.class, () -> create("has space", PASS));
    assertThat(message(e)).isEqualTo("Invalid Name: 'has space'");
    for (String bad : List.of("a:b", "a/b", "a*", "a$", "tab\there", "a\u0085b")) {
      thrown(InvalidNameException.class, () -> create(bad, PASS));
    }
    // length is the model's constraint, checked before the name rule: ValidationException
    String long81 = "a".repeat(81);
    ValidationException v = thrown(ValidationException.class, () -> create(long81, PASS));
    assertThat(message(v)).isEqualTo("1 validation error detected: Value '" + long81
        + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80");
    // non-ASCII letters and the punctuation AWS allows are fine
    assertThat(create(unique("héllo_wörld-1.2+x=y@z"), PASS).stateMachineArn()).contains("héllo_wörld");
  }

  @Test
  void aBadRoleArnIsInvalidArn() {
    InvalidArnException e = thrown(InvalidArnException.class,
        () -> t.sfn.createStateMachine(b -> b.name(unique("role")).definition(PASS).roleArn("not-a-role")));
    assertThat(message(e)).isEqualTo("Invalid Role Arn: 'not-a-role'");
  }

  @Test
  void describingWhatIsNotThereOrNotAnArn() {
    String missing = t.stateMachineArn("nobody");
    StateMachineDoesNotExistException e = thrown(StateMachineDoesNotExistException.class,
        () -> t.sfn.describeStateMachine(b -> b.stateMachineArn(missing)));
    assertThat(message(e)).isEqualTo("State Machine Does Not Exist: '" + missing + "'");

    InvalidArnException bad = thrown(InvalidArnException.class, () -> t.sfn.describeStateMachine(b -> b.stateMachineArn("not_an_arn")));
    assertThat(message(bad)).isEqualTo("Invalid Arn: 'Invalid ARN prefix: not_an_arn'");

    InvalidArnException activity = thrown(InvalidArnException.class, () -> t.sfn.describeStateMachine(
        b -> b.stateMachineArn("arn:aws:states:us-east-1:123456789012:activity:x")));
    assertThat(message(activity)).isEqualTo("Invalid Arn: 'Resource type not valid in this context: activity'");
  }

  @Test
  void updatesMakeRevisionsAndAnUpdateThatChangesNothingKeepsIt() {
    String arn = create(unique("update"), PASS).stateMachineArn();
    t.clock.advance(Duration.ofSeconds(1));
    String changed = PASS.replace("\"End\": true", "\"Result\": 1, \"End\": true");
    UpdateStateMachineResponse u1 = t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(changed));
    assertThat(u1.revisionId()).isNotBlank();
    assertThat(u1.updateDate()).isEqualTo(t.clock.instant());
    assertThat(u1.stateMachineVersionArn()).isNull();
    DescribeStateMachineResponse d = t.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(d.definition()).isEqualTo(changed);
    assertThat(d.revisionId()).isEqualTo(u1.revisionId());

    t.clock.advance(Duration.ofSeconds(1));
    UpdateStateMachineResponse same = t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(changed));
    assertThat(same.revisionId()).isEqualTo(u1.revisionId());

    UpdateStateMachineResponse role = t.sfn.updateStateMachine(
        b -> b.stateMachineArn(arn).roleArn("arn:aws:iam::123456789012:role/Next"));
    assertThat(role.revisionId()).isNotEqualTo(u1.revisionId());
    assertThat(t.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).roleArn()).endsWith("role/Next");
  }

  @Test
  void updateChecksWhatItIsGiven() {
    String arn = create(unique("checks"), PASS).stateMachineArn();
    MissingRequiredParameterException none = thrown(MissingRequiredParameterException.class,
        () -> t.sfn.updateStateMachine(b -> b.stateMachineArn(arn)));
    assertThat(message(none)).isEqualTo(
        "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    thrown(InvalidDefinitionException.class, () -> t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("{}")));
    ValidationException description = thrown(ValidationException.class,
        () -> t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS).versionDescription("v")));
    assertThat(message(description)).isEqualTo("Version description can only be set when publish is true");
    thrown(StateMachineDoesNotExistException.class,
        () -> t.sfn.updateStateMachine(b -> b.stateMachineArn(t.stateMachineArn("gone")).definition(PASS)));
    InvalidLoggingConfigurationException logging = thrown(InvalidLoggingConfigurationException.class,
        () -> t.sfn.updateStateMachine(b -> b.stateMachineArn(arn).loggingConfiguration(l -> l.level(LogLevel.ALL))));
    assertThat(message(logging)).isEqualTo("Invalid Logging Configuration: Must specify exactly one Log Destination.");
  }

  @Test
  void loggingAndTracingAreKeptAsGiven() {
    String group = "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*";
    String arn = t.sfn.createStateMachine(b -> b.name(unique("logged")).definition(PASS).roleArn(ROLE)
        .loggingConfiguration(l -> l.level(LogLevel.ERROR).includeExecutionData(true)
            .destinations(LogDestination.builder().cloudWatchLogsLogGroup(g -> g.logGroupArn(group)).build()))
        .tracingConfiguration(tc -> tc.enabled(true))).stateMachineArn();
    DescribeStateMachineResponse d = t.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(d.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
    assertThat(d.loggingConfiguration().includeExecutionData()).isTrue();
    assertThat(d.loggingConfiguration().destinations().get(0).cloudWatchLogsLogGroup().logGroupArn()).isEqualTo(group);
    assertThat(d.tracingConfiguration().enabled()).isTrue();
  }

  @Test
  void deleteTakesVersionsAndAliasesAlongAndDeletingNothingSucceeds() {
    String name = unique("delete");
    CreateStateMachineResponse c = t.sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE).publish(true));
    t.sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(
        RoutingConfigurationListItem.builder().stateMachineVersionArn(c.stateMachineVersionArn()).weight(100).build()));
    t.sfn.deleteStateMachine(b -> b.stateMachineArn(c.stateMachineArn()));
    thrown(StateMachineDoesNotExistException.class, () -> t.sfn.describeStateMachine(b -> b.stateMachineArn(c.stateMachineArn())));
    thrown(StateMachineDoesNotExistException.class, () -> t.sfn.describeStateMachine(b -> b.stateMachineArn(c.stateMachineVersionArn())));
    t.sfn.deleteStateMachine(b -> b.stateMachineArn(c.stateMachineArn()));
    // the name is free again
    assertThat(create(name, PASS).stateMachineVersionArn()).isNull();
    assertThat(t.sfn.listStateMachineVersions(b -> b.stateMachineArn(c.stateMachineArn())).stateMachineVersions()).isEmpty();
  }

  @Test
  void listsInNameOrderAcrossPages() {
    TestServer own = new TestServer();
    try (own) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 13; i++) {
        names.add("machine-" + i);
        own.sfn.createStateMachine(b -> b.name(names.get(names.size() - 1)).definition(PASS).roleArn(ROLE));
      }
      names.sort(null); // machine-0, machine-1, machine-10, ...
      ListStateMachinesResponse p1 = own.sfn.listStateMachines(b -> b.maxResults(10));
      assertThat(p1.stateMachines()).extracting(StateMachineListItem::name).containsExactlyElementsOf(names.subList(0, 10));
      assertThat(p1.nextToken()).isNotNull();
      ListStateMachinesResponse p2 = own.sfn.listStateMachines(b -> b.maxResults(10).nextToken(p1.nextToken()));
      assertThat(p2.stateMachines()).extracting(StateMachineListItem::name).containsExactlyElementsOf(names.subList(10, 13));
      assertThat(p2.nextToken()).isNull();
      assertThat(p2.stateMachines().get(0).type()).isEqualTo(StateMachineType.STANDARD);
      assertThat(p2.stateMachines().get(0).creationDate()).isEqualTo(own.clock.instant());

      // the SDK's paginator walks the same pages
      assertThat(own.sfn.listStateMachinesPaginator(b -> b.maxResults(4)).stateMachines())
          .extracting(StateMachineListItem::name).containsExactlyElementsOf(names);
      // a page of 0 is the default page of 100
      assertThat(own.sfn.listStateMachines(b -> b.maxResults(0)).stateMachines()).hasSize(13);

      ValidationException big = thrown(ValidationException.class, () -> own.sfn.listStateMachines(b -> b.maxResults(1001)));
      assertThat(message(big)).isEqualTo("1 validation error detected: Value '1001' at 'maxResults' failed to satisfy "
          + "constraint: Member must have value less than or equal to 1000");
    }
  }
}
