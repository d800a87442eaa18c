package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.CLOCK;
import static io.stepwise.asl.jsonata.JsonataFixtures.tail;
import static io.stepwise.asl.jsonata.JsonataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Expressions that loop, recurse or grow without end fail fast with States.QueryEvaluationError. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsonataSafetyTest {
  private static final String STACK = "threw an error during evaluation: " + JsonataBoundException.STACK_OVERFLOW;
  private static final String MEMORY = "threw an error during evaluation: " + JsonataBoundException.MEMORY;
  private static final String TIMEOUT = "threw an error during evaluation: " + JsonataBoundException.TIMEOUT;

  private static StatesException failure(JsonataExpression e) {
    return catchThrowableOfType(StatesException.class, () -> e.evaluate(null, Map.of(), new Random(), CLOCK, "Output"));
  }

  @Test
  void infiniteRecursionRunsOutOfWork() {
    // JSONata runs the tail call in a loop, so only the work bound ends it.
    JsonataLimits small = JsonataLimits.DEFAULT.withMaxSteps(100_000);
    JsonataExpression e = JsonataExpression.compile("($f := function($x){$f($x+1)}; $f(0))", small);
    StatesException x = failure(e);
    assertThat(x.error()).isEqualTo(StatesErrors.QUERY_EVALUATION_ERROR);
    assertThat(x.cause())
        .isEqualTo("The JSONata expression '($f := function($x){$f($x+1)}; $f(0))' specified for the field 'Output' " + TIMEOUT);
  }

  @Test
  void anEndlessLoopOverAHugeSequenceRunsOutOfWork() {
    JsonataLimits small = JsonataLimits.DEFAULT.withMaxSteps(100_000);
    StatesException x = failure(JsonataExpression.compile("$reduce([1..800000], function($a, $b){$a + $b}) + $reduce([1..800000], function($a, $b){$a + $b})", small));
    assertThat(x.cause()).endsWith(TIMEOUT);
  }

  @Test
  void theWorkBoundIsTheSameOnEveryRunSoAReplayDecidesTheSame() {
    String sum = "$reduce([1..1000], function($a, $b){$a + $b})";
    JsonataLimits enough = JsonataLimits.DEFAULT.withMaxSteps(100_000);
    JsonataLimits tooLittle = JsonataLimits.DEFAULT.withMaxSteps(1_000);
    for (int run = 0; run < 3; run++) {
      assertThat(JsonataExpression.compile(sum, enough).evaluate(null, Map.of(), new Random(), CLOCK, "Output").asInt()).isEqualTo(500500);
      assertThat(failure(JsonataExpression.compile(sum, tooLittle)).cause()).endsWith(TIMEOUT);
    }
  }

  @Test
  void theDefaultBoundLetsAPassOverTheLargestArrayThrough() {
    JsonataExpression e = JsonataExpression.compile("$count($map([1..873782], function($x){$x * 2}))", JsonataLimits.DEFAULT);
    assertThat(e.evaluate(null, Map.of(), new Random(), CLOCK, "Output").asInt()).isEqualTo(873782);
  }

  @Test
  void deepRecursionOverflowsTheDepthLimit() {
    assertThat(text("($f := function($x){$x > 0 ? 1 + $f($x - 1) : 0}; $f(10))")).isEqualTo("10");
    assertThat(tail("($f := function($x){$x > 0 ? 1 + $f($x - 1) : 0}; $f(100000))")).isEqualTo(STACK);
    assertThat(tail("($f := function($x){$f($x) + 1}; $f(0))")).isEqualTo(STACK);
  }

  @Test
  void deepNestingFailsAsOnAws() {
    // AWS fails a sum of 200 terms with a stack overflow; 50 terms evaluate.
    assertThat(text(String.join("+", java.util.Collections.nCopies(50, "1")))).isEqualTo("50");
    String twoHundred = String.join("+", java.util.Collections.nCopies(200, "1"));
    assertThat(tail(twoHundred)).isEqualTo(STACK);
  }

  @Test
  void aJavaStackOverflowIsCaught() {
    // A tiny thread stack and no depth limit to speak of: the JVM's own overflow becomes the same error.
    JsonataExpression e =
        JsonataExpression.compile("($f := function($x){$x > 0 ? 1 + $f($x - 1) : 0}; $f(100000))", JsonataLimits.DEFAULT.withMaxDepth(10_000_000));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> thrown.set(failure(e)), "small-stack", 256 * 1024);
    t.start();
    try {
      t.join(20_000);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    assertThat(thrown.get()).isInstanceOf(StatesException.class);
    assertThat(((StatesException) thrown.get()).cause()).endsWith(STACK);
  }

  @Test
  void hugeValuesHitTheMemoryLimit() {
    assertThat(tail("$range(0, 100000000, 1)")).isEqualTo(MEMORY);
    assertThat(tail("$count($range(0, 1e15, 1))")).isEqualTo(MEMORY);
    assertThat(tail("$pad('x', 100000000)")).isEqualTo(MEMORY);
    assertThat(tail("$pad('x', -100000000)")).isEqualTo(MEMORY);
    assertThat(tail("[1..900000] ~> $count()")).isEqualTo(MEMORY); // as AWS
    assertThat(tail("$sum([1..900000])")).isEqualTo(MEMORY); // as AWS
    assertThat(text("$count([1..873782])")).isEqualTo("873782"); // AWS accepts this one
    assertThat(text("$length($pad('', 4194304, 'x'))")).isEqualTo("4194304"); // 2^22 characters: AWS accepts
    assertThat(tail("$length($pad('', 8388608, 'x'))")).isEqualTo(MEMORY); // 2^23: AWS refuses
    // a string doubled until it is too long
    assertThat(tail("($d := function($s, $n){$n = 0 ? $s : $d($s & $s, $n - 1)}; $length($d('x', 40)))")).isEqualTo(MEMORY);
    assertThat(tail("($s := $pad('', 4000000, 'x'); $join([$s, $s]))")).isEqualTo(MEMORY);
  }

  @Test
  void aResultWithTooManyNodesIsRefused() {
    // 1000 references to one 1000-item array: fine inside JSONata, a million nodes as JSON
    assertThat(tail("($a := [1..1000]; $map([1..1000], function($i){ {'a': $a} }))")).isEqualTo(MEMORY);
  }

  @Test
  void aResultNestedTooDeeplyIsRefused() {
    assertThat(tail("$reduce([1..2000], function($acc, $v){ {'a': $acc} }, {})")).isEqualTo(STACK);
    assertThat(text("$reduce([1..500], function($acc, $v){ {'a': $acc} }, {})")).startsWith("{\"a\":{\"a\":");
  }

  @Test
  void aFailedEvaluationLeavesNothingBehind() {
    tail("$error('x')");
    assertThat(catchThrowableOfType(IllegalStateException.class, Evaluation::current)).isNotNull();
    assertThat(text("$random(1) < 1")).isEqualTo("true");
  }
}
