package io.stepwise.asl.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stepwise's JSONPath compiler against Jayway JsonPath, the library AWS's paths follow: over a few
 * thousand generated paths, well formed and broken, it must accept exactly what Jayway compiles,
 * and read on a sample document what Jayway reads, except for the {@link KnownDifference}s.
 */
class JaywayComparisonTest {
  private static final JsonNode DOC = Scopes.json("""
      {'a': {'b': [1, 2, {'x': 3}], 'x': 2, 'n': 'v', 'flag': true},
       'b': [{'x': 0, 'n': 'v', 'list': [1, 2]}, {'x': 5, 'y': 1, 'n': 'w', 'flag': false, 'list': []}, 7, 'text', null],
       'x': 1.5, 'n': 'V', 'Items': [{'Id': 1, 'x': 2, 'a': {'b': 1}}, {'Id': 2, 'n': 'vv'}],
       'with-dash': {'1st': [true]}, '1st': 0, '_u': {'é': 'e'}, 'a b': 1, 'a.b': 2, 'b c': {'x': 9},
       'limit': 1, 'length': 3, 'book': [{'price': 8.95}, {'price': 22.99}], 'price': -1, 'a)': 4}""");

  static {
    ((ObjectNode) DOC).put("it's", 5).put("a\\b", 6); // names a quoted name reaches only through an escape
  }

  /** Forms found while writing this test, kept so that they are always among the paths. */
  private static final List<String> CORNERS = List.of(
      "$.Items.[0].Id", "$.[0]", "$.[*].['a','b']", "$.[?(@.x > 0)]", "$..[0]", "$.a.b[0]x", "$.b[", "$.**",
      "$.*x", "$[*]xy", "$.b[0]]]", "$.a)", "$.a\tb", "$.a ", "$.b[0::2]", "$.b[1:3:2]", "$.b[::2]", "$.b[ 1 : 2 ]",
      "$.b[ 1:2 ]", "$.b[1, 2]", "$.b[1,,2]", "$.b[1,]", "$.b[- 1]", "$.b[1:-]", "$.b[01]", "$['a' , x 'b']",
      "$['a'x]", "$['a',]", "$['a\\'b']", "$.b[?(@.x === 5)]", "$.b[?(@.x !== '5')]", "$. a", "$...a", "$.a.",
      "$[0].[1]", "$.['a'].b", "$..*", "$.a..b", "a.b", "@.a", " $.a", "$['it\\'s']", "$['a\\\\b']", "$.b[\u0663]");

  private static final List<String> PATHS =
      Stream.concat(CORNERS.stream(), new PathGenerator(7).paths(4000).stream()).distinct().toList();

  private static final Map<String, Integer> excused = new HashMap<>();

  @BeforeAll
  static void generatedPathsCoverBothVerdictsAndTheDottedForm() {
    long compiled = PATHS.stream().filter(p -> Jayway.compileError(p) == null).count();
    assertThat(PATHS).hasSizeGreaterThan(4000);
    assertThat(compiled).as("paths Jayway compiles").isGreaterThan(1200);
    assertThat(PATHS.size() - compiled).as("paths Jayway refuses").isGreaterThan(1200);
    assertThat(PATHS.stream().filter(p -> p.contains(".[") && Jayway.compileError(p) == null).count()).isGreaterThan(300);
  }

  @Test
  void weCompileExactlyWhatJaywayCompiles() {
    List<String> wrong = new ArrayList<>();
    for (String p : PATHS) {
      String jayway = Jayway.compileError(p);
      String ours = ourError(p);
      if ((jayway == null) != (ours == null)) {
        KnownDifference d = KnownDifference.find(KnownDifference.COMPILE, p, jayway, ours);
        if (d == null) {
          wrong.add(p + "\n    Jayway: " + (jayway == null ? "compiles" : jayway) + "\n    ours:   " + (ours == null ? "compiles" : ours));
        } else {
          excused.merge(d.name(), 1, Integer::sum);
        }
      }
    }
    assertThat(wrong).as("paths on which we and Jayway disagree").isEmpty();
  }

  @Test
  void weReadWhatJaywayReadsAndAgreeOnDefiniteness() {
    List<String> wrong = new ArrayList<>();
    int compared = 0;
    for (String p : PATHS) {
      if (Jayway.compileError(p) != null || ourError(p) != null) {
        continue;
      }
      JsonPath ours = JsonPath.compile(p);
      String theirs;
      try {
        theirs = text(Jayway.read(p, DOC));
      } catch (RuntimeException e) {
        theirs = "failure: " + e.getMessage();
      }
      String mine = text(ours.read(Scope.of(DOC, Json.NODES.objectNode())));
      if (!mine.equals(theirs) || ours.isDefinite() != Jayway.isDefinite(p)) {
        KnownDifference d = KnownDifference.find(KnownDifference.READ, p, theirs, mine);
        if (d == null) {
          wrong.add(p + "\n    Jayway: " + theirs + (Jayway.isDefinite(p) ? " (definite)" : "") + "\n    ours:   " + mine
              + (ours.isDefinite() ? " (definite)" : ""));
        } else {
          excused.merge(d.name(), 1, Integer::sum);
        }
      } else {
        compared++;
      }
    }
    assertThat(wrong).as("paths read differently").isEmpty();
    assertThat(compared).as("paths read alike").isGreaterThan(1000);
  }

  @Test
  void everyKnownDifferenceIsStillSeen() {
    weCompileExactlyWhatJaywayCompiles();
    weReadWhatJaywayReadsAndAgreeOnDefiniteness();
    for (KnownDifference d : Stream.concat(KnownDifference.COMPILE.stream(), KnownDifference.READ.stream()).toList()) {
      assertThat(excused.getOrDefault(d.name(), 0)).as("paths excused by '" + d.name() + "'").isPositive();
    }
  }

  /** Our compiler's complaint, or null; anything but a syntax error is a bug. */
  private static String ourError(String path) {
    try {
      JsonPath.compile(path);
      return null;
    } catch (ExpressionSyntaxException e) {
      return e.getMessage();
    }
  }

  private static String text(JsonNode v) {
    return v == null ? "nothing" : Json.write(v);
  }
}
