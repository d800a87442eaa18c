package io.stepwise.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.model.LoggingConfiguration;
import io.stepwise.server.model.StateMachineStatus;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.model.Tag;
import io.stepwise.server.model.TracingConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions are atomic: a failed one leaves nothing behind; lists come in their fixed order. */
class InMemoryRegistryTest {
  private static StateMachineRecord machine(String name) {
    Revision r = new Revision("{}", "role", LoggingConfiguration.DEFAULT, TracingConfiguration.DEFAULT, null, null);
    return new StateMachineRecord("arn:sm:" + name, name, StateMachineType.STANDARD, StateMachineStatus.ACTIVE, r,
        Instant.EPOCH, Instant.EPOCH, new StateMachineRecord.Creation(false, null, null), 0);
  }

  @Test
  void aTransactionThatThrowsLeavesNothingBehind() {
    InMemoryRegistry registry = new InMemoryRegistry();
    registry.write(tx -> {
      tx.putStateMachine(machine("kept"));
      tx.putTags("arn:sm:kept", List.of(new Tag("k", "v")));
      return null;
    });
    assertThatThrownBy(() -> registry.write(tx -> {
      tx.putStateMachine(machine("new"));
      tx.deleteStateMachine("arn:sm:kept");
      tx.putTags("arn:sm:kept", List.of());
      tx.putStateMachine(machine("kept").withLastVersionNumber(7));
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    registry.read(view -> {
      assertThat(view.stateMachine("arn:sm:new")).isEmpty();
      assertThat(view.stateMachine("arn:sm:kept")).contains(machine("kept"));
      assertThat(view.tags("arn:sm:kept")).containsExactly(new Tag("k", "v"));
      return null;
    });
  }

  @Test
  void statesMachinesPageInArnOrder() {
    InMemoryRegistry registry = new InMemoryRegistry();
    registry.write(tx -> {
      for (String n : new String[] {"c", "a", "b", "d"}) {
        tx.putStateMachine(machine(n));
      }
      return null;
    });
    List<StateMachineRecord> first = registry.read(v -> v.stateMachines(null, 2));
    List<StateMachineRecord> rest = registry.read(v -> v.stateMachines("arn:sm:b", 5));
    assertThat(first).extracting(StateMachineRecord::name).containsExactly("a", "b");
    assertThat(rest).extracting(StateMachineRecord::name).containsExactly("c", "d");
  }
}
