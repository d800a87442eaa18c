package io.stepwise.asl.query;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code {% %}} expression, parsed when the definition loads. It sees {@code $states}
 * (input, context, and result or errorOutput where the state has them) and the workflow
 * variables it names. Evaluation is bounded in time and depth; whatever goes wrong becomes
 * States.QueryEvaluationError.
 */
public final class JsonataExpr {
  /** How long one evaluation may run. */
  public static final long TIMEOUT_MILLIS = 5_000;

  /** How deep evaluation may recurse. */
  public static final int MAX_DEPTH = 200;

  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final String text;
  private final Set<String> variables;
  private final boolean readsContext;
  // The library's compiled form keeps evaluation state, so each thread gets its own copy.
  private final ThreadLocal<Jsonata> compiled;
  private volatile Jsonata existence;
  private final FastForm simple;
  private final boolean callsAwsFunctions;

  private JsonataExpr(String text, Jsonata first) {
    this.text = text;
    this.variables = referencedNames(text);
    this.readsContext = text.contains("context");
    this.simple = FastForm.of(text);
    this.callsAwsFunctions = AwsFunctions.NAMES.matcher(text).find();
    // the copy parsed to check the syntax serves the first thread; exactly one thread can take it
    java.util.concurrent.atomic.AtomicReference<Jsonata> firstUse = new java.util.concurrent.atomic.AtomicReference<>(first);
    this.compiled = ThreadLocal.withInitial(() -> {
      Jsonata j = firstUse.getAndSet(null);
      return j != null ? j : Jsonata.jsonata(text);
    });
  }

  /** Parses the text between {@code {%} and {@code %}}. */
  public static JsonataExpr compile(String text) throws ExpressionSyntaxException {
    try {
      return new JsonataExpr(text, Jsonata.jsonata(text));
    } catch (JException | IllegalArgumentException e) {
      throw new ExpressionSyntaxException("invalid JSONata expression '" + text + "': " + e.getMessage());
    }
  }

  public String text() {
    return text;
  }

  /**
   * The value, or Java null when the expression returns nothing (undefined).
   *
   * @param field where the expression stands, e.g. "Output" or "Arguments/name", for messages
   */
  public JsonNode evaluate(Scope scope, String field) {
    if (simple != null) {
      JsonNode v = simple.read(scope);
      if (v != SimplePath.DECLINED) {
        return v;
      }
    }
    Object result = run(compiled.get(), scope, field);
    if (result == null) {
      // The library returns Java null both for JSON null and for nothing; ask which it was.
      Object exists = run(existence(), scope, field);
      return Boolean.TRUE.equals(exists) ? io.stepwise.asl.json.Json.NODES.nullNode() : null;
    }
    JsonNode json = JsonataValues.toJson(result);
    if (json == null) {
      throw new StatesException(
          StatesErrors.QUERY_EVALUATION_ERROR,
          "The JSONata expression '" + text + "' specified for the field '" + field + "' returned an unsupported result type.",
          field);
    }
    return json;
  }

  /** Like {@link #evaluate}, but nothing (undefined) is an error, as AWS reports it. */
  public JsonNode evaluateRequired(Scope scope, String field) {
    JsonNode v = evaluate(scope, field);
    if (v == null) {
      throw new StatesException(
          StatesErrors.QUERY_EVALUATION_ERROR,
          "The JSONata expression '" + text + "' specified for the field '" + field + "' returned nothing (undefined).",
          field);
    }
    return v;
  }

  private Jsonata existence() {
    Jsonata e = existence;
    if (e == null) {
      e = Jsonata.jsonata("$exists(" + text + ")");
      existence = e;
    }
    return e;
  }

  private Object run(Jsonata j, Scope scope, String field) {
    Jsonata.Frame frame = j.createFrame();
    frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
    Map<String, Object> states = new HashMap<>(8);
    states.put("input", JsonataValues.toJava(scope.input()));
    if (readsContext) {
      states.put("context", JsonataValues.toJava(scope.context()));
    }
    if (scope.result() != null) {
      states.put("result", JsonataValues.toJava(scope.result()));
    }
    if (scope.errorOutput() != null) {
      states.put("errorOutput", JsonataValues.toJava(scope.errorOutput()));
    }
    frame.bind("states", states);
    for (String name : variables) {
      JsonNode v = scope.variable(name);
      if (v != null) {
        frame.bind(name, JsonataValues.toJava(v));
      }
    }
    if (callsAwsFunctions) {
      AwsFunctions.bind(frame, scope.random());
    }
    try {
      return j.evaluate(null, frame);
    } catch (JException | IllegalArgumentException | ClassCastException | UnsupportedOperationException e) {
      throw failed(field, e.getMessage());
    } catch (StackOverflowError e) {
      throw failed(field, "the expression recursed too deeply");
    } catch (OutOfMemoryError e) {
      // the value being built is unreachable again once we unwind
      throw failed(field, "the expression built a value too large to hold");
    } catch (RuntimeException e) {
      throw failed(field, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private StatesException failed(String field, String message) {
    return new StatesException(
        StatesErrors.QUERY_EVALUATION_ERROR,
        "The JSONata expression '" + text + "' specified for the field '" + field + "' threw an error during evaluation. " + message,
        field);
  }

  private static Set<String> referencedNames(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      if (!m.group(1).equals("states")) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
