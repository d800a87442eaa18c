package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.cause;
import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static io.stepwise.asl.jsonata.JsonataFixtures.tail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Causes as AWS gives them. The corpus has the "returned ..." sentences; the "threw an error"
 * ones follow causes measured on AWS (a coded JSONata error after ". ", a bound's message after
 * ": "), and jsonata-js's wording of each code.
 */
class JsonataErrorsTest {
  private static final String INPUT = "{\"n\":5,\"s\":\"abc\",\"mixed\":[1,\"a\"],\"obj\":{\"a\":1}}";

  @Test
  void nothingWhereAValueIsNeeded() {
    JsonataExpression e = JsonataExpression.compile("$doesNotExist");
    assertThat(e.evaluate(null, Map.of(), new Random(), io.stepwise.asl.expr.Scope.FIXED_CLOCK, "Output")).isNull();
    StatesException x =
        catchThrowableOfType(StatesException.class, () -> e.evaluateRequired(null, Map.of(), new Random(), io.stepwise.asl.expr.Scope.FIXED_CLOCK, "Output"));
    assertThat(x.error()).isEqualTo(StatesErrors.QUERY_EVALUATION_ERROR);
    assertThat(x.cause()) // corpus, word for word
        .isEqualTo("The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).");
    assertThat(x.location()).isEqualTo("Output");
    assertThat(e.returnedNothing("Assign/result").cause())
        .isEqualTo("The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).");
  }

  @Test
  void aFunctionIsNotAResult() {
    assertThat(cause("$fn := function($x){$x}")) // corpus
        .isEqualTo("The JSONata expression '$fn := function($x){$x}' specified for the field 'Output' returned an unsupported result type.");
    assertThat(tail("{'f': $uppercase}")).isEqualTo("returned an unsupported result type.");
    assertThat(tail("{\"r\": /a/}")).isEqualTo("returned an unsupported result type.");
  }

  @Test
  void theWrongTypeForAField() {
    JsonataExpression e = JsonataExpression.compile("{'foo': 'bar'}");
    assertThat(e.unexpectedType("Items", "array", json("{\"foo\":\"bar\"}")).cause()) // corpus
        .isEqualTo(
            "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type."
                + " Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}");
    assertThat(JsonataExpression.typeName(json("\"string\""))).isEqualTo("string");
    assertThat(JsonataExpression.typeName(json("null"))).isEqualTo("null");
    assertThat(JsonataExpression.typeName(json("1"))).isEqualTo("number");
    assertThat(JsonataExpression.typeName(json("true"))).isEqualTo("boolean");
    assertThat(JsonataExpression.typeName(json("[]"))).isEqualTo("array");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // measured on AWS
        "$eval(\"1+1\")        | T1006: Attempted to invoke a non-function",
        "$abs(\"x\")           | T0410: Argument 1 of function \"abs\" does not match function signature",
        "$sum($states.input.mixed) | T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
        // jsonata-js's wording
        "\"a\" + 1             | T2001: The left side of the \"+\" operator must evaluate to a number",
        "$states.input.n - 'a' | T2002: The right side of the \"-\" operator must evaluate to a number",
        "1 < \"a\"             | T2009: The values 1 and \"a\" either side of operator \"<\" must be of the same data type",
        "nope()              | T1006: Attempted to invoke a non-function",
        "sum([1])            | T1005: Attempted to invoke a non-function. Did you mean $sum?",
        "$number(\"abc\")      | D3030: Unable to cast value to a number: \"abc\"",
        "$sqrt(-1)           | D3060: The sqrt function cannot be applied to a negative number: -1",
        "$error(\"boom\")      | D3137: boom",
        "$assert(false, \"no\") | D3141: no",
        "$assert(false)      | D3141: $assert() statement failed",
        "$single([1,2])      | D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.",
        "-\"a\"                | D1002: Cannot negate a non-numeric value: \"a\"",
        "{1: 2}              | T1003: Key in object structure must evaluate to a string; got: 1",
        "{\"a\":1, \"a\":2}      | D1009: Multiple key definitions evaluate to same key: \"a\"",
        "$replace(\"a\",\"\",\"b\") | D3010: Second argument of replace function cannot be an empty string",
        "$split(\"a\", \"\", -1) | D3020: Third argument of split function must evaluate to a positive number",
        "$formatBase(1, 99)  | D3100: The radix of the formatBase function must be between 2 and 36.  It was given 99",
        "$sort([1, \"a\"])     | D3070: The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function",
        "$toMillis(\"x\")      | D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"x\"",
        "$power(10, 400)     | D3061: The power function has resulted in a value that cannot be represented as a JSON number: base=10, exponent=400",
        "$states.input ~> 5  | T2006: The right side of the function application operator ~> must be a function",
      })
  void codedErrors(String expression, String message) {
    assertThat(tail(expression.strip(), INPUT)).isEqualTo("threw an error during evaluation. " + message.strip());
  }

  @Test
  void aJavaFailureInsideTheLibraryIsAnInternalError() {
    assertThat(tail("$base64decode(\"!!!\")")).isEqualTo("threw an internal error during evaluation."); // as on AWS
  }

  @Test
  void withoutAFieldNameTheCauseLeavesItOut() {
    StatesException x =
        catchThrowableOfType(
            StatesException.class, () -> JsonataExpression.compile("$error('x')").evaluate(null, Map.of(), new Random(), io.stepwise.asl.expr.Scope.FIXED_CLOCK, null));
    assertThat(x.cause()).isEqualTo("The JSONata expression '$error('x')' threw an error during evaluation. D3137: x");
    assertThat(x.location()).isNull();
  }

  @Test
  void syntaxErrorsFailToCompile() {
    assertThatThrownBy(() -> JsonataExpression.compile("$sum(")).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("'$sum('").hasMessageContaining("S0203");
    assertThatThrownBy(() -> JsonataExpression.compile("1 +")).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("The JSONata expression '1 +' is not valid: S0207: Unexpected end of expression (at position 3)");
    assertThatThrownBy(() -> JsonataExpression.compile("'abc")).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("S0101");
    assertThatThrownBy(() -> JsonataExpression.compile("[/a/]")).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("S0211: The symbol \"/\" cannot be used as a unary operator");
    assertThatThrownBy(() -> JsonataExpression.compile("/a/")).isInstanceOf(ExpressionSyntaxException.class);
    assertThatThrownBy(() -> JsonataExpression.compile("  ")).isInstanceOf(ExpressionSyntaxException.class);
    assertThatThrownBy(() -> JsonataExpression.compile("(".repeat(5000) + "1" + ")".repeat(5000)))
        .isInstanceOf(ExpressionSyntaxException.class);
  }

  @Test
  void theTextIsStripped() {
    assertThat(JsonataExpression.compile("  $x  ").text()).isEqualTo("$x");
  }
}
