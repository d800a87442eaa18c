package io.stepwise.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Test classes using the extension, run by JUnit itself: each test gets its own Workflows, closed when it ends, and a failure reads well in the report. */
class ExtensionLifecycleTest {
  static final List<Workflows> GIVEN = new CopyOnWriteArrayList<>();
  static volatile boolean kit;

  /** Run only through the test kit below (surefire skips nested classes, and this guard skips it anywhere else). */
  @ExtendWith(StepwiseExtension.class)
  static class Example {
    @BeforeEach
    void onlyInTheKit() {
      org.junit.jupiter.api.Assumptions.assumeTrue(kit);
    }

    @Test
    void passes(Workflows workflows) {
      GIVEN.add(workflows);
      workflows.define("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"n\":1},\"End\":true}}}").run().assertOutput("{\"n\":1}");
    }

    @Test
    void fails(Workflows workflows) {
      GIVEN.add(workflows);
      workflows.define("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"n\":1},\"End\":true}}}").run().assertOutput("{\"n\":2}");
    }
  }

  @StepwiseTest
  static class Annotated {
    @Test
    void given(Workflows workflows) {
      org.junit.jupiter.api.Assumptions.assumeTrue(kit);
      GIVEN.add(workflows);
    }
  }

  @Test
  void eachTestGetsItsOwnWorkflowsClosedAfterItAndAFailureSaysWhatDiffers() {
    GIVEN.clear();
    kit = true;
    Events tests;
    try {
      tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Example.class)).execute().testEvents();
    } finally {
      kit = false;
    }
    tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Throwable failure = tests.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("output differs: first difference at /n: expected 2, got 1\n  expected: {\"n\":2}\n  actual:   {\"n\":1}");
    assertThat(GIVEN).hasSize(2).doesNotHaveDuplicates().allMatch(Workflows::isClosed);
    assertThatThrownBy(() -> GIVEN.get(0).define("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}").run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void theMetaAnnotationRegistersTheExtension() {
    GIVEN.clear();
    kit = true;
    try {
      EngineTestKit.engine("junit-jupiter").selectors(selectClass(Annotated.class)).execute().testEvents()
          .assertStatistics(s -> s.started(1).succeeded(1));
    } finally {
      kit = false;
    }
    assertThat(GIVEN).hasSize(1).allMatch(Workflows::isClosed);
  }
}
