package io.stepwise.server.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.protocol.ApiException;
import org.junit.jupiter.api.Test;

/** ARNs made and read as AWS makes them; names checked as AWS checks them. */
class ArnsTest {
  private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

  @Test
  void makesTheArnsOfTheRegionsPartition() {
    assertThat(new Arns("us-east-1", "123456789012").stateMachine("m")).isEqualTo(SM);
    assertThat(new Arns("cn-north-1", "123456789012").activity("a")).isEqualTo("arn:aws-cn:states:cn-north-1:123456789012:activity:a");
    assertThat(new Arns("us-gov-west-1", "123456789012").stateMachine("m")).startsWith("arn:aws-us-gov:states:");
    assertThat(Arns.version(SM, 3)).isEqualTo(SM + ":3");
    assertThat(Arns.alias(SM, "PROD")).isEqualTo(SM + ":PROD");
  }

  @Test
  void readsUnqualifiedVersionAliasAndLabelledArns() {
    assertThat(Arns.parseStateMachine(SM)).isEqualTo(new StateMachineRef(SM, SM, "m", null, null, null));
    assertThat(Arns.parseStateMachine(SM + ":12").version()).isEqualTo(12);
    assertThat(Arns.parseStateMachine(SM + ":PROD").alias()).isEqualTo("PROD");
    StateMachineRef labelled = Arns.parseStateMachine(SM + "/Map1");
    assertThat(labelled.label()).isEqualTo("Map1");
    assertThat(labelled.baseArn()).isEqualTo(SM);
  }

  @Test
  void refusesWhatIsNotAStateMachineArn() {
    assertInvalid("not-an-arn", "Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
    assertInvalid("arn:aws:states:us-east-1:123456789012:activity:a", "Invalid Arn: 'Resource type not valid in this context: activity'");
    assertInvalid("arn:aws:lambda:us-east-1:123456789012:function:f", "Invalid Arn: 'arn:aws:lambda:us-east-1:123456789012:function:f'");
    assertInvalid(SM + ":1:2", "Invalid Arn: '" + SM + ":1:2'");
    assertInvalid(SM + ":0", "Invalid Arn: '" + SM + ":0'");
    assertInvalid(SM + ":", "Invalid Arn: '" + SM + ":'");
    assertInvalid("arn:aws:states:us-east-1:123456789012:stateMachine:", "Invalid Arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:'");
  }

  private static void assertInvalid(String arn, String message) {
    assertThatThrownBy(() -> Arns.parseStateMachine(arn)).isInstanceOf(ApiException.class)
        .hasMessage(message).extracting(e -> ((ApiException) e).code()).isEqualTo("InvalidArn");
  }

  @Test
  void namesFollowAwsRule() {
    for (String ok : new String[] {"a", "my-machine_1.2", "héllo", "日本", "a+b=c@d", "\uD83D\uDE00"}) {
      assertThat(Names.valid(ok)).as(ok).isTrue();
    }
    for (String bad : new String[] {"a b", "a\tb", "a<b", "a{b", "a[b", "a?b", "a*b", "a\"b", "a#b", "a%b", "a\\b",
        "a^b", "a|b", "a~b", "a`b", "a$b", "a&b", "a,b", "a;b", "a:b", "a/b", "a\u0001b", "a\u007Fb", "a\u0085b",
        "a\uFFFEb", "a\uD800b", "a\u00A0b"}) {
      assertThat(Names.valid(bad)).as(bad).isFalse();
    }
  }
}
