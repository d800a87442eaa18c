package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.validate.Problem;
import java.util.List;
import java.util.function.Function;

/** Reading one state's fields, recording each problem with its JSON Pointer instead of stopping. */
final class Fields {
  final JsonNode node;
  final String pointer;
  final List<Problem> problems;

  Fields(JsonNode node, String pointer, List<Problem> problems) {
    this.node = node;
    this.pointer = pointer;
    this.problems = problems;
  }

  boolean has(String field) {
    return node.has(field);
  }

  JsonNode get(String field) {
    return node.get(field);
  }

  String at(String field) {
    return io.stepwise.asl.json.JsonPointers.child(pointer, field);
  }


  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new Problem(at(field), "must be a string"));
      return null;
    }
    return v.textValue();
  }

  /** A state name (Next, Default, StartAt): interned, as Jackson interns the States keys, so lookups hit by identity. */
  String stateName(String field) {
    String s = text(field);
    return s == null ? null : s.intern();
  }

  Integer integer(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      problems.add(new Problem(at(field), "must be an integer"));
      return null;
    }
    return v.intValue();
  }

  /** Compiles a field's text with the given compiler, recording a syntax error as a problem. */
  <T> T compile(String field, Function<String, T> compiler) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    return compileText(at(field), text, compiler);
  }

  <T> T compileText(String where, String text, Function<String, T> compiler) {
    try {
      return compiler.apply(text);
    } catch (ExpressionSyntaxException e) {
      problems.add(new Problem(where, e.getMessage()));
      return null;
    }
  }

  void problem(String field, String message) {
    problems.add(new Problem(field == null ? pointer : at(field), message));
  }
}
