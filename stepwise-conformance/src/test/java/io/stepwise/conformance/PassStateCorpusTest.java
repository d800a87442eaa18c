package io.stepwise.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.SharedDirectory;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every corpus case made only of JSONPath-mode Pass states (AWS's recorded results, kept
 * outside this repository in ../shared) through paths, intrinsics and templates alone
 * ({@link CorpusPassRunner}, no engine), and compares with what AWS returned as the harness
 * compares an engine run ({@link OutcomeComparison}: the case's normalisation, placeholders,
 * JSON causes as JSON), and with the output's field order too; not the events, which the
 * runner does not record. One skipped test when the corpus is absent.
 */
class PassStateCorpusTest {

  @TestFactory
  Stream<DynamicTest> passStateCasesMatchAws() throws IOException {
    Path cases = SharedDirectory.find("conformance/cases");
    if (cases == null) {
      return SharedDirectory.skipped("conformance/cases");
    }
    List<ConformanceCase> passOnly = CaseLoader.loadAll(cases, List.of()).stream()
        .filter(c -> CorpusPassRunner.supports(json(c.definition())))
        .toList();
    return passOnly.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
  }

  private static void check(ConformanceCase c) {
    long start = System.nanoTime();
    ExecutionResult ours = run(c);
    ConformanceRunner.CaseResult r =
        OutcomeComparison.compare(c, ours, start, EnumSet.of(OutcomeComparison.Aspect.FIELD_ORDER));
    assertThat(r.verdict()).as("%s", String.join("\n", r.details())).isEqualTo(ConformanceRunner.Verdict.PASS);
  }

  /** The Pass states' output, or their failure, as an execution's result without events. */
  private static ExecutionResult run(ConformanceCase c) {
    CorpusPassRunner runner = new CorpusPassRunner(json(c.definition()), c);
    try {
      return new ExecutionResult(ExecutionStatus.SUCCEEDED, runner.run(json(c.input())), null, null, null, List.of(), null);
    } catch (StatesException e) {
      return new ExecutionResult(ExecutionStatus.FAILED, null, e.error(), e.cause(), null, List.of(), null);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
