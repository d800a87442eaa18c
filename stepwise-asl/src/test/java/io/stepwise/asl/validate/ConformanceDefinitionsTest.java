package io.stepwise.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every definition in ../shared/conformance/cases ran on AWS, so every one must validate cleanly. */
class ConformanceDefinitionsTest {

  @Test
  void everyDefinitionThatRanOnAwsIsValid() throws IOException {
    Path cases = SharedDirectory.find("conformance/cases");
    Assumptions.assumeTrue(cases != null, "../shared/conformance/cases not found");
    List<Path> definitions;
    try (Stream<Path> s = Files.list(cases)) {
      definitions = s.map(c -> c.resolve("definition.json")).filter(Files::isRegularFile).sorted().toList();
    }
    List<String> rejected = new ArrayList<>();
    for (Path d : definitions) {
      for (Problem p : Validator.validate(Files.readString(d))) {
        rejected.add(d.getParent().getFileName() + " " + p);
      }
    }
    assertThat(definitions).hasSizeGreaterThanOrEqualTo(815);
    assertThat(rejected).isEmpty();
  }
}
