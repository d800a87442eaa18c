package io.stepwise.asl.intrinsic;

import static io.stepwise.asl.intrinsic.IntrinsicFixtures.assertFails;
import static io.stepwise.asl.intrinsic.IntrinsicFixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** States.Format: placeholders, escapes and how values are written. */
class FormatFunctionTest {
  @Test
  void fillsPlaceholdersFromLiteralsAndPaths() {
    assertThat(eval("States.Format('Hello, my name is {}.', $.name)").textValue()).isEqualTo("Hello, my name is Arnav.");
    assertThat(eval("States.Format($.template, $.name)").textValue()).isEqualTo("Hello, my name is Arnav.");
    assertThat(eval("States.Format($greeting, $$.Execution.Name)").textValue()).isEqualTo("hi run-7");
    assertThat(eval("States.Format('no placeholders')").textValue()).isEqualTo("no placeholders");
  }

  @Test
  void writesValuesAsAwsDoes() {
    // corpus cases test_format_1 / test_format_2 / test_context_json_path
    assertThat(eval("States.Format('{} {} {} {}', $.n, $.pi, $.obj.z, true)").textValue()).isEqualTo("3 1.1 null true");
    assertThat(eval("States.Format('{}', $.obj)").textValue()).isEqualTo("{Arg1=1, Arg2=[], s=x, z=null}");
    assertThat(eval("States.Format('{}', $.list)").textValue()).isEqualTo("[1, 2, 2, 2, [1], {a=1}]");
    assertThat(eval("States.Format('{}', 1.50)").textValue()).isEqualTo("1.5");
  }

  @Test
  void escapedBracesAreTextNotPlaceholders() {
    assertThat(eval("States.Format('\\{\\} {} \\'quoted\\' \\\\', 'x')").textValue()).isEqualTo("{} x 'quoted' \\");
    assertThat(eval("States.Format('{ } {x} {}', 1)").textValue()).isEqualTo("{ } {x} 1");
  }

  @Test
  void placeholderCountMustMatchTheValues() {
    assertFails("States.Format('{} and {}', 'a')", "Invalid arguments in States.Format: the template has 2 placeholders but 1 values were given");
    assertFails("States.Format('{}', 'a', 'b')", "Invalid arguments in States.Format: the template has 1 placeholders but 2 values were given");
    assertFails("States.Format($.n)", "Invalid arguments in States.Format: the argument at position 1 must be a string, but was a number");
  }
}
