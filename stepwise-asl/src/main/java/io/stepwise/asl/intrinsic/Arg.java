package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.path.JsonPath;
import io.stepwise.asl.path.PathErrors;

/** A compiled argument of an intrinsic call: a literal, a path, or a nested call. */
sealed interface Arg {

  /** The argument's value; {@code field} names the payload field for error messages. */
  JsonNode value(Scope scope, String field);

  /** A literal; {@code source} is a string literal's text as written, with its escapes. */
  record Literal(JsonNode constant, String source) implements Arg {
    @Override
    public JsonNode value(Scope scope, String field) {
      return constant;
    }
  }

  /** {@code $...}, {@code $$...} or {@code $name...}; a definite path must find a value. */
  record PathArg(JsonPath path) implements Arg {
    @Override
    public JsonNode value(Scope scope, String field) {
      JsonNode v = path.read(scope);
      if (v == null) {
        throw PathErrors.notFound(path, field, scope);
      }
      return v;
    }
  }

  /**
   * {@code States.Name(args...)}. For States.Format with a literal template, {@code template} is
   * that template split at its placeholders, once.
   */
  record Call(Intrinsic function, Arg[] args, FormatTemplate template) implements Arg {
    @Override
    public JsonNode value(Scope scope, String field) {
      JsonNode[] values = new JsonNode[args.length];
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i].value(scope, field);
      }
      return function.apply(this, values, scope);
    }
  }
}
