package io.stepwise.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The asl-validator corpus in ../shared/validation/definitions: every {@code valid-*} definition
 * is accepted and every {@code invalid-*} one rejected, except where AWS's own rules disagree with
 * that project (listed below with the reason; the rejected ones are checked to fail for that
 * reason alone).
 */
class ValidationCorpusTest {
  /**
   * File -> the only kind of problem it may have. AWS evaluates JSONPath with Jayway, whose syntax
   * has no script expressions {@code [(...)]} and no unquoted words in filters; asl-validator's
   * JavaScript path library takes both. AWS runs a Task's Resource only when it is a Lambda
   * function, an activity or a service integration (its developer guide's "Specifying Resource
   * ARNs in Tasks"); asl-validator takes any ARN, the ASL specification's {@code arn:aws:swf:...}
   * example and a Lambda ARN without region or account among them.
   */
  private static final Map<String, String> DISAGREEMENTS = Map.of(
      "valid-path-array-context.json", "Invalid JSONPath '$[(@.length-1)].bar'",
      "valid-current-value-predicate.json", "unexpected 'F' in filter",
      "valid-parameters-issue104.json", "The resource provided arn:aws:lambda:::function:publish-to-slack-lambda is not recognized",
      "valid-task-parameters.json", "The resource provided arn:aws:swf:us-east-1:123456789012:task:X is not recognized",
      "valid-task-timeout-jsonata.json", "The resource provided arn:aws:swf:us-east-1:123456789012:task:X is not recognized");

  /**
   * {@code invalid-*} files AWS accepts: asl-validator wants a blank inside each JSONata delimiter,
   * AWS's ASL schema only {@code ^{%(.*)%}$}.
   */
  private static final Set<String> AWS_ACCEPTS = Set.of("invalid-jsonata-surround-syntax-no-spaces.json");

  @TestFactory
  Stream<DynamicTest> everyVerdictMatchesTheFileName() throws IOException {
    Path dir = SharedDirectory.find("validation/definitions");
    if (dir == null) {
      return SharedDirectory.skipped("validation/definitions");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(85);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> verdict(f)));
  }

  private static void verdict(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<Problem> problems = Validator.validate(Files.readString(file));
    if (DISAGREEMENTS.containsKey(name)) {
      assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains(DISAGREEMENTS.get(name)));
    } else if (name.startsWith("valid-") || AWS_ACCEPTS.contains(name)) {
      assertThat(problems).as(name).isEmpty();
    } else {
      assertThat(problems).as(name).isNotEmpty();
    }
  }
}
