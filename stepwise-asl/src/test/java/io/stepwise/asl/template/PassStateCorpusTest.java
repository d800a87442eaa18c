package io.stepwise.asl.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every corpus case made only of JSONPath-mode Pass states (AWS's recorded results, kept
 * outside this repository in ../shared) through paths, intrinsics and templates, and compares with
 * what AWS returned. Skipped when the corpus is absent.
 */
class PassStateCorpusTest {

  @TestFactory
  Stream<DynamicTest> passStateCasesMatchAws() throws IOException {
    Path cases = casesDirectory();
    if (cases == null) {
      return io.stepwise.asl.validate.SharedDirectory.skipped("conformance/cases");
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(cases)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("definition.json"))).sorted().toList();
    }
    return dirs.stream()
        .filter(d -> CorpusPassRunner.supports(read(d.resolve("definition.json"))))
        .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
  }

  private static Path casesDirectory() {
    String configured = System.getProperty("stepwise.corpus");
    for (String candidate : new String[] {configured, "../../shared/conformance/cases", "../shared/conformance/cases"}) {
      if (candidate != null && Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private static void check(Path dir) throws IOException {
    JsonNode expected = read(dir.resolve("expected.json"));
    JsonNode input = Json.parse(Files.readString(dir.resolve("input.json")));
    CorpusPassRunner runner = new CorpusPassRunner(read(dir.resolve("definition.json")), expected);
    JsonNode ops = expected.path("normalization");
    if ("SUCCEEDED".equals(expected.path("status").asText())) {
      JsonNode actual = Json.parse(CorpusMatch.normalise(Json.write(runner.run(input)), ops));
      assertThat(CorpusMatch.matches(expected.path("output"), actual, wildcards(ops)))
          .as("expected %s but was %s", expected.path("output"), actual)
          .isTrue();
    } else {
      StatesException e = catchThrowableOfType(StatesException.class, () -> runner.run(input));
      assertThat(e).as("expected a failure").isNotNull();
      assertThat(e.error()).isEqualTo(expected.path("error").asText());
      String cause = CorpusMatch.normalise(e.cause(), ops);
      assertThat(CorpusMatch.matchesText(expected.path("cause").asText(), cause))
          .as("expected cause %s but was %s", expected.path("cause").asText(), cause)
          .isTrue();
    }
  }

  /** Values the recorder substituted wholesale; any value of ours matches them. */
  private static Set<String> wildcards(JsonNode ops) {
    Set<String> out = new HashSet<>(Set.of("date", "RandomNumberGenerated"));
    for (JsonNode op : ops) {
      if ("jsonpath_value".equals(op.path("op").asText())) {
        out.add(op.path("replacement").asText());
      }
    }
    return out;
  }

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
