package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New executions' identifiers come from the engine's source, as its clock does: nothing is drawn behind its back. */
class InjectedIdsTest {
  @Test
  void anUnnamedExpressExecutionTakesItsNameAndArnSuffixFromTheSource() {
    Iterator<String> ids = List.of("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222").iterator();
    try (Engine engine = Fixtures.engine().uuids(ids::next).build()) {
      ExecutionResult r = engine.run(Fixtures.machine("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"),
          "{}", new RunOptions("M", null, "arn:aws:iam::111111111111:role/r", ExecutionType.EXPRESS));
      assertThat(r.executionArn()).isEqualTo(
          "arn:aws:states:us-east-1:111111111111:express:M:11111111-1111-4111-8111-111111111111:22222222-2222-4222-8222-222222222222");
      assertThat(r.record().executionName()).isEqualTo("11111111-1111-4111-8111-111111111111");
    }
  }
}
