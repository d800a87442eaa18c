package io.stepwise.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API name a throttled request is counted under: only Step Functions' operations, so a client cannot make up labels. */
class ThrottledApiNameTest {
  @Test
  void aStepFunctionsOperationIsNamedAndAnythingElseIsOther() {
    assertThat(AwsJsonEndpoint.apiName("AWSStepFunctions.StartExecution")).isEqualTo("StartExecution");
    assertThat(AwsJsonEndpoint.apiName("AWSStepFunctions.NoSuchThing")).isEqualTo("Other");
    assertThat(AwsJsonEndpoint.apiName("DynamoDB_20120810.PutItem")).isEqualTo("Other");
    assertThat(AwsJsonEndpoint.apiName(null)).isEqualTo("Other");
  }
}
