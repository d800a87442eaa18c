package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.ValueExpression;
import io.stepwise.asl.path.JsonPath;
import io.stepwise.asl.path.ReferencePath;

/**
 * JSONPath-mode path fields, checked with the same compilers the engine runs them with, so that
 * whatever validates also loads.
 */
final class PathChecks {
  private PathChecks() {}

  /** InputPath, OutputPath, Choice Variable and ...Path operands: any JSONPath; null when allowed. */
  static void path(Site s, String field, boolean nullable) {
    String text = pathText(s, field, nullable);
    if (text != null) {
      report(s, field, compileError(() -> JsonPath.compile(text)));
    }
  }

  /** ResultPath: a reference path into the state input, or null to discard the result. */
  static void resultPath(Site s, String field) {
    String text = pathText(s, field, true);
    if (text != null) {
      report(s, field, compileError(() -> ReferencePath.compile(text)));
    }
  }

  /**
   * Fields that read one value (ItemsPath, SecondsPath, MaxConcurrencyPath, ...): a path to a
   * single node, which may start at the input, the context object ($$) or a variable ($name).
   */
  static void singleValuePath(Site s, String field) {
    String text = pathText(s, field, false);
    if (text == null) {
      return;
    }
    try {
      if (!JsonPath.compile(text).isDefinite()) {
        s.problem(field, "must select a single value: no wildcards, filters, slices or deep scans");
      }
    } catch (ExpressionSyntaxException e) {
      s.problem(field, e.getMessage());
    } catch (UnsupportedOperationException notYet) {
      // compiler not available: not checked
    }
  }

  /** Fail ErrorPath and CausePath: a path or an intrinsic function call. */
  static void valueExpression(Site s, String field) {
    String text = pathText(s, field, false);
    if (text != null) {
      valueExpressionText(s.report, s.at(field), text);
    }
  }

  /** A path or intrinsic call as a {@code .$} field or ErrorPath takes; problems go to {@code pointer}. */
  static void valueExpressionText(Report report, String pointer, String text) {
    String error = compileError(() -> ValueExpression.compile(text));
    if (error != null) {
      report.add(pointer, error);
      return;
    }
    for (String problem : IntrinsicArgumentTypes.check(text)) {
      report.add(pointer, problem);
    }
  }

  private static String pathText(Site s, String field, boolean nullable) {
    JsonNode v = s.get(field);
    if (v == null || (nullable && v.isNull())) {
      return null;
    }
    if (!v.isTextual()) {
      s.problem(field, nullable ? "must be a string or null" : "must be a string");
      return null;
    }
    return v.textValue();
  }

  private static void report(Site s, String field, String error) {
    if (error != null) {
      s.problem(field, error);
    }
  }

  /** The compiler's complaint, or null when the text compiles (or cannot be checked yet). */
  static String compileError(Runnable compile) {
    try {
      compile.run();
      return null;
    } catch (ExpressionSyntaxException e) {
      return e.getMessage();
    } catch (UnsupportedOperationException notYet) {
      return null;
    }
  }
}
