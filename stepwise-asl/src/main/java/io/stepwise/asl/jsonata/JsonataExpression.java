package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSONata expression, the text between {@code {%} and {@code %}}, compiled once and evaluated
 * any number of times, from any number of threads at once.
 *
 * <p>Evaluation binds the input as the context value ({@code $}) and each variable by name (the
 * engine passes {@code states}, an object {@code {input, result?, errorOutput?, context}}, plus
 * the workflow variables). Only variables the expression's text mentions are bound. It runs within
 * {@link JsonataLimits}, with the functions Step Functions adds ({@link StepFunctionsFunctions}).
 * Any failure is a {@link StatesException} with error {@code States.QueryEvaluationError} and
 * AWS's cause, naming the field when the caller gives one.
 *
 * <h2>Thread safety</h2>
 *
 * The library keeps its per-evaluation scratch state (current input and frame) in a per-thread
 * instance, a copy of the first expression a thread evaluates, and reads only immutable fields of
 * the shared compiled expression (its syntax tree and its environment of functions). Two things
 * make sharing safe here: nothing is bound into a compiled expression's environment after {@link
 * #compile} returns, and {@code compile} stops the new expression from being its own thread's
 * scratch instance ({@link ScratchInstances#detach}), which it otherwise is: evaluations on the
 * compiling thread would then write their frames into the shared expression and later
 * evaluations, on any thread, would see an earlier evaluation's variables. A thread that has no
 * scratch instance borrows a pooled one for the evaluation ({@link ScratchInstances}), so a fresh
 * virtual thread does not build one. Each evaluation gets a fresh frame with its own bounds, and
 * the state the added functions need (the generator, the clock) travels in a thread-local set
 * only while the evaluation runs.
 */
public final class JsonataExpression {
  private static final String STATES = "states";
  private static final Pattern NAME = Pattern.compile("\\$([\\p{L}\\p{N}_]+)");

  private final String text;
  private final JsonataLimits limits;
  private final Jsonata compiled;
  /** The names after a {@code $} in the text: every variable it could read. */
  private final Set<String> names;
  /** Whether the text mentions {@code $name}, per variable name asked about. */
  private final Map<String, Boolean> mentions = new ConcurrentHashMap<>();
  /** Whether the text could read {@code $states.context}: building the context costs. */
  private final boolean readsContext;

  private JsonataExpression(String text, JsonataLimits limits, Jsonata compiled) {
    this.text = text;
    this.limits = limits;
    this.compiled = compiled;
    this.readsContext = text.contains("context");
    Set<String> found = new LinkedHashSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    this.names = Set.copyOf(found);
  }

  /**
   * Compiles an expression with the default limits.
   *
   * @param expressionText the text inside {@code {% ... %}}; surrounding blanks are ignored
   * @throws ExpressionSyntaxException the text is not a JSONata expression
   */
  public static JsonataExpression compile(String expressionText) {
    return compile(expressionText, JsonataLimits.DEFAULT);
  }

  /** Compiles an expression that will run within the given limits. */
  public static JsonataExpression compile(String expressionText, JsonataLimits limits) {
    Objects.requireNonNull(expressionText, "expressionText");
    Objects.requireNonNull(limits, "limits");
    String text = expressionText.strip();
    if (text.isEmpty()) {
      throw new ExpressionSyntaxException("The JSONata expression is empty");
    }
    Jsonata compiled;
    try {
      compiled = parse(text);
    } catch (ExpressionSyntaxException e) {
      throw new ExpressionSyntaxException("The JSONata expression '" + text + "' is not valid: " + e.getMessage());
    }
    ScratchInstances.detach();
    compiled.setValidateInput(false); // inputs are built from JSON trees, so they are valid
    StepFunctionsFunctions.register(compiled);
    return new JsonataExpression(text, limits, compiled);
  }

  /** Names already asked about in {@link #definesFunction}, with the answer. */
  private static final Map<String, Boolean> FUNCTIONS = new ConcurrentHashMap<>();

  /**
   * Whether {@code $name} is a function every expression has: one of JSONata's own or one Step
   * Functions adds ($partition, $uuid, ...), so that it is not a workflow variable.
   */
  public static boolean definesFunction(String name) {
    Boolean known = FUNCTIONS.get(name);
    if (known == null) {
      try {
        JsonNode type = compile("$type($" + name + ")")
            .evaluate(null, Map.of(), new java.util.SplittableRandom(0), io.stepwise.asl.expr.Scope.FIXED_CLOCK, null);
        known = type != null && "function".equals(type.asText());
      } catch (RuntimeException e) {
        known = false;
      }
      if (FUNCTIONS.size() < 4096) {
        FUNCTIONS.put(name, known);
      }
    }
    return known;
  }

  /**
   * What is wrong with an expression's syntax, e.g. "S0207: Unexpected end of expression (at
   * position 4)", or null when it parses.
   */
  public static String syntaxProblem(String expressionText) {
    try {
      parse(expressionText.strip());
      return null;
    } catch (ExpressionSyntaxException e) {
      return e.getMessage();
    } finally {
      ScratchInstances.detach();
    }
  }

  /** Parses, or throws an ExpressionSyntaxException whose message says what is wrong and where. */
  private static Jsonata parse(String text) {
    Jsonata compiled;
    try {
      compiled = Jsonata.jsonata(JsonataText.withoutComments(text));
    } catch (JException e) {
      throw new ExpressionSyntaxException(syntaxMessage(text, e));
    } catch (StackOverflowError e) {
      throw new ExpressionSyntaxException("it is nested too deeply");
    } catch (RuntimeException e) {
      throw new ExpressionSyntaxException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (compiled.getErrors() != null && !compiled.getErrors().isEmpty()) {
      Exception first = compiled.getErrors().get(0);
      throw new ExpressionSyntaxException(first instanceof JException j ? syntaxMessage(text, j) : String.valueOf(first.getMessage()));
    }
    return compiled;
  }

  private static String syntaxMessage(String text, JException e) {
    String code = e.getError();
    String message = code != null && code.matches("[A-Z]\\d{4}") ? code + ": " + JsonataErrors.message(e, text) : e.getMessage();
    return message + (e.getLocation() >= 0 ? " (at position " + e.getLocation() + ")" : "");
  }

  /** The expression's text, as causes quote it. */
  public String text() {
    return text;
  }

  public JsonataLimits limits() {
    return limits;
  }

  /**
   * Evaluates the expression.
   *
   * @param input the context value ({@code $}); Java null for none
   * @param variables values bound by name: {@code states} and the workflow variables; null for none
   * @param random where {@code $random()} and {@code $uuid()} draw from
   * @param clock what {@code $now()} and {@code $millis()} read (once per evaluation)
   * @param fieldName the field the expression sits in, e.g. {@code Output/result}, named in causes;
   *     null to leave it out
   * @return the value, or Java null when the expression returns nothing (undefined); JSON null is
   *     a NullNode
   * @throws StatesException {@code States.QueryEvaluationError}: the expression failed, ran past
   *     its limits, or returned a function
   */
  public JsonNode evaluate(
      JsonNode input, Map<String, JsonNode> variables, RandomGenerator random, InstantSource clock, String fieldName) {
    Evaluation evaluation = new Evaluation(limits, random, clock);
    Jsonata.Frame frame = compiled.createFrame();
    if (variables != null) {
      for (Map.Entry<String, JsonNode> v : variables.entrySet()) {
        if (v.getValue() != null && mentions(v.getKey())) {
          frame.bind(v.getKey(), JsonataValues.toJsonata(v.getValue(), evaluation));
        }
      }
    }
    return run(input, frame, evaluation, fieldName);
  }

  /**
   * Evaluates the expression against a state's scope: {@code $states} is {@code {input, result?,
   * errorOutput?, context}} from the scope (built only when the text mentions it, and converted
   * only as far as the expression reads it), a workflow variable {@code $name} is {@code
   * scope.variable(name)}, {@code $random()} and {@code $uuid()} draw from {@code scope.random()},
   * and {@code $} is the scope's input.
   *
   * @see #evaluate(JsonNode, Map, RandomGenerator, InstantSource, String)
   */
  public JsonNode evaluate(Scope scope, InstantSource clock, String fieldName) {
    Evaluation evaluation = new Evaluation(limits, scope.random(), clock);
    Jsonata.Frame frame = compiled.createFrame();
    for (String name : names) {
      if (name.equals(STATES)) {
        frame.bind(STATES, states(scope, readsContext, evaluation));
      } else {
        JsonNode value = scope.variable(name);
        if (value != null) {
          frame.bind(name, JsonataValues.toJsonata(value, evaluation));
        }
      }
    }
    return run(scope.input(), frame, evaluation, fieldName);
  }

  /** {@link #evaluate(Scope, InstantSource, String)}, failing when the expression returns nothing. */
  public JsonNode evaluateRequired(Scope scope, InstantSource clock, String fieldName) {
    JsonNode value = evaluate(scope, clock, fieldName);
    if (value == null) {
      throw returnedNothing(fieldName);
    }
    return value;
  }

  private static Map<String, Object> states(Scope scope, boolean withContext, Evaluation evaluation) {
    Map<String, Object> states = new LinkedHashMap<>(8);
    put(states, "input", scope.input(), evaluation);
    put(states, "result", scope.result(), evaluation);
    put(states, "errorOutput", scope.errorOutput(), evaluation);
    if (withContext) {
      put(states, "context", scope.context(), evaluation);
    }
    return states;
  }

  private static void put(Map<String, Object> map, String key, JsonNode value, Evaluation evaluation) {
    if (value != null) {
      map.put(key, JsonataValues.toJsonata(value, evaluation));
    }
  }

  private JsonNode run(JsonNode input, Jsonata.Frame frame, Evaluation evaluation, String fieldName) {
    Object context = input == null ? null : JsonataValues.toJsonata(input, evaluation);
    Jsonata scratch = ScratchInstances.lend();
    evaluation.open(frame);
    try {
      Object result = compiled.evaluate(context, frame);
      if (result == null) {
        return isNull(evaluation.lastResult) ? Json.NODES.nullNode() : null;
      }
      return JsonataValues.toJson(result, evaluation);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw JsonataErrors.evaluationFailed(text, fieldName, e);
    } finally {
      evaluation.close();
      ScratchInstances.giveBack(scratch);
    }
  }

  /**
   * Like {@link #evaluate(JsonNode, Map, RandomGenerator, InstantSource, String)}, for a field
   * that needs a value: nothing fails with AWS's "returned nothing (undefined)".
   */
  public JsonNode evaluateRequired(
      JsonNode input, Map<String, JsonNode> variables, RandomGenerator random, InstantSource clock, String fieldName) {
    JsonNode value = evaluate(input, variables, random, clock, fieldName);
    if (value == null) {
      throw returnedNothing(fieldName);
    }
    return value;
  }


  /** AWS's failure for this expression returning nothing where the field needs a value. */
  public StatesException returnedNothing(String fieldName) {
    return JsonataErrors.returnedNothing(text, fieldName);
  }

  /**
   * AWS's failure for this expression returning a value of the wrong type, e.g. for Items:
   * "... returned an unexpected result type. Expected 'array', but was 'object' for value: {...}".
   *
   * @param expectedType the JSON type wanted, as AWS names it: array, object, string, number,
   *     boolean, null
   */
  public StatesException unexpectedType(String fieldName, String expectedType, JsonNode value) {
    return JsonataErrors.unexpectedType(text, fieldName, expectedType, value);
  }

  /** The JSON type of a value as AWS names it in causes: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    return JsonataErrors.typeName(value);
  }

  /** Whether the raw result the library turned into Java null was JSON null rather than nothing. */
  private static boolean isNull(Object raw) {
    if (raw == Jsonata.NULL_VALUE) {
      return true;
    }
    return raw instanceof Utils.JList<?> seq
        && seq.sequence
        && !seq.tupleStream
        && seq.size() == 1
        && seq.get(0) == Jsonata.NULL_VALUE;
  }

  private boolean mentions(String name) {
    Boolean known = mentions.get(name);
    if (known == null) {
      known = text.contains("$" + name);
      if (mentions.size() < 1024) {
        mentions.put(name, known);
      }
    }
    return known;
  }

  @Override
  public String toString() {
    return "{% " + text + " %}";
  }
}
