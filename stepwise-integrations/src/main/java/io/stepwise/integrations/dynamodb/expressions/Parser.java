package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import io.stepwise.integrations.dynamodb.model.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's expression languages, parsed once per request: conditions (ConditionExpression,
 * FilterExpression, KeyConditionExpression), UpdateExpression and ProjectionExpression.
 * Placeholders are resolved as they are read. A syntax error is reported at once, in DynamoDB's
 * form ({@code Syntax error; token: "=", near: "a = = :v"}); the other problems are reported after
 * the whole expression has parsed, the most basic first, as DynamoDB does.
 */
public final class Parser {
  private static final Set<String> RESERVED = reservedWords();
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  private static final Set<String> VALID_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  /** The kinds of problem found after parsing, in the order DynamoDB reports them. */
  private enum Problem { FUNCTION, MISUSED, RESERVED, NAME, VALUE, OTHER }

  private final String text;
  private final String expression;
  private final ExpressionContext context;
  private final List<Token> tokens;
  private final Map<Problem, String> problems = new EnumMap<>(Problem.class);
  private int pos;

  private Parser(String text, String expression, ExpressionContext context) {
    this.text = text;
    this.expression = expression;
    this.context = context;
    this.tokens = Lexer.tokens(text);
  }

  /**
   * A condition.
   *
   * @param expression the request member it came from, for messages: {@code ConditionExpression}
   */
  public static Condition condition(String text, String expression, ExpressionContext context) {
    Parser p = new Parser(text, expression, context);
    p.checkNotEmpty();
    Condition c = p.orCondition();
    p.expectEnd();
    p.report();
    return c;
  }

  public static Update update(String text, ExpressionContext context) {
    Parser p = new Parser(text, "UpdateExpression", context);
    p.checkNotEmpty();
    Update u = p.updateClauses();
    p.report();
    UpdateChecks.paths(u, p::fail);
    return u;
  }

  public static List<Path> projection(String text, ExpressionContext context) {
    Parser p = new Parser(text, "ProjectionExpression", context);
    p.checkNotEmpty();
    List<Path> paths = new ArrayList<>();
    do {
      paths.add(p.path());
    } while (p.accept(","));
    p.expectEnd();
    p.report();
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        if (paths.get(i).overlaps(paths.get(j))) {
          throw p.fail("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
              + paths.get(i).shown() + ", path two: " + paths.get(j).shown());
        }
      }
    }
    return paths;
  }

  // ---- conditions

  private Condition orCondition() {
    Condition left = andCondition();
    while (peek().isKeyword("OR")) {
      next();
      left = new Condition.Or(left, andCondition());
    }
    return left;
  }

  private Condition andCondition() {
    Condition left = notCondition();
    while (peek().isKeyword("AND")) {
      next();
      left = new Condition.And(left, notCondition());
    }
    return left;
  }

  private Condition notCondition() {
    if (peek().isKeyword("NOT")) {
      next();
      return new Condition.Not(notCondition());
    }
    return primaryCondition();
  }

  private Condition primaryCondition() {
    if (accept("(")) {
      Condition c = orCondition();
      expect(")");
      return c;
    }
    Token t = peek();
    if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(") && !t.text().equals("size")) {
      return functionCondition();
    }
    Operand left = operand();
    Token op = peek();
    if (op.kind() == Token.Kind.SYMBOL && List.of("=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
      next();
      return new Condition.Compare(left, op.text(), operand());
    }
    if (op.isKeyword("BETWEEN")) {
      next();
      Operand low = operand();
      expectKeyword("AND");
      Operand high = operand();
      if (low instanceof Operand.Value l && high instanceof Operand.Value h) {
        Integer order = Values.compare(l.value(), h.value());
        if (order == null) {
          problem(Problem.OTHER, "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: "
              + ItemJson.quote(l.value()) + ", upper bound operand: AttributeValue: " + ItemJson.quote(h.value()));
        } else if (order > 0) {
          problem(Problem.OTHER, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
              + ItemJson.quote(l.value()) + ", upper bound operand: AttributeValue: " + ItemJson.quote(h.value()));
        }
      }
      return new Condition.Between(left, low, high);
    }
    if (op.isKeyword("IN")) {
      next();
      expect("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(operand());
      } while (accept(","));
      expect(")");
      if (candidates.size() > 100) {
        problem(Problem.OTHER, "The IN operator is provided with too many operands; number of operands: " + candidates.size());
      }
      return new Condition.In(left, candidates);
    }
    if (left instanceof Operand.Size) {
      problem(Problem.MISUSED, "The function is not allowed to be used this way in an expression; function: size");
      return new Condition.Compare(left, "=", left);
    }
    throw syntaxError(op);
  }

  private Condition functionCondition() {
    Token name = next();
    String fn = name.text();
    List<Operand> args = arguments();
    if (!CONDITION_FUNCTIONS.contains(fn)) {
      problem(Problem.FUNCTION, knownFunction(fn)
          ? "The function is not allowed to be used this way in an expression; function: " + fn
          : "Invalid function name; function: " + fn);
      return new Condition.Exists(new Path(List.of(new Path.Name(fn))), true);
    }
    int arity = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
    if (args.size() != arity) {
      problem(Problem.OTHER, "Incorrect number of operands for operator or function; operator or function: " + fn
          + ", number of operands: " + args.size());
      return new Condition.Exists(new Path(List.of(new Path.Name(fn))), true);
    }
    Operand first = args.get(0);
    switch (fn) {
      case "attribute_exists", "attribute_not_exists" -> {
        return new Condition.Exists(pathArgument(fn, first), fn.equals("attribute_exists"));
      }
      case "attribute_type" -> {
        Operand type = args.get(1);
        if (type instanceof Operand.Value v) {
          if (!(v.value() instanceof AttributeValue.S s)) {
            problem(Problem.OTHER, "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                + v.value().type());
          } else if (!VALID_TYPES.contains(s.value())) {
            problem(Problem.OTHER, "Invalid attribute type name found; type: " + s.value() + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
          }
        }
        return new Condition.AttributeType(pathArgument(fn, first), type);
      }
      case "begins_with" -> {
        for (Operand a : args) {
          if (a instanceof Operand.Value v && !(v.value() instanceof AttributeValue.S) && !(v.value() instanceof AttributeValue.B)) {
            problem(Problem.OTHER, "Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
                + v.value().type());
          }
        }
        return new Condition.BeginsWith(first, args.get(1));
      }
      default -> {
        return new Condition.Contains(first, args.get(1));
      }
    }
  }

  private Path pathArgument(String fn, Operand o) {
    if (o instanceof Operand.PathOperand p) {
      return p.path();
    }
    problem(Problem.OTHER, "Operator or function requires a document path; operator or function: " + fn);
    return new Path(List.of(new Path.Name(fn)));
  }

  private List<Operand> arguments() {
    expect("(");
    List<Operand> args = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        args.add(operand());
      } while (accept(","));
    }
    expect(")");
    return args;
  }

  /** A path, a value, or {@code size(path)}. */
  private Operand operand() {
    Token t = peek();
    if (t.kind() == Token.Kind.VALUE_REF) {
      next();
      return new Operand.Value(t.text(), valueOf(t));
    }
    if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
      next();
      List<Operand> args = arguments();
      if (!t.text().equals("size")) {
        problem(Problem.FUNCTION, knownFunction(t.text())
            ? "The function is not allowed to be used this way in an expression; function: " + t.text()
            : "Invalid function name; function: " + t.text());
        return new Operand.Size(new Path(List.of(new Path.Name(t.text()))));
      }
      if (args.size() != 1) {
        problem(Problem.OTHER, "Incorrect number of operands for operator or function; operator or function: size, number of operands: " + args.size());
        return new Operand.Size(new Path(List.of(new Path.Name("size"))));
      }
      return new Operand.Size(pathArgument("size", args.get(0)));
    }
    return new Operand.PathOperand(path());
  }

  private static boolean knownFunction(String fn) {
    return CONDITION_FUNCTIONS.contains(fn) || fn.equals("size") || fn.equals("if_not_exists") || fn.equals("list_append");
  }

  // ---- updates

  private Update updateClauses() {
    List<Update.Action> actions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    do {
      Token clause = next();
      String word = clause.kind() == Token.Kind.IDENTIFIER ? clause.text().toUpperCase(Locale.ROOT) : "";
      if (!List.of("SET", "REMOVE", "ADD", "DELETE").contains(word)) {
        throw syntaxError(clause);
      }
      if (!seen.add(word)) {
        problem(Problem.OTHER, "The \"" + word + "\" section can only be used once in an update expression;");
      }
      do {
        switch (word) {
          case "SET" -> {
            Path p = path();
            expect("=");
            actions.add(new Update.Set(p, setValue()));
          }
          case "REMOVE" -> actions.add(new Update.Remove(path()));
          case "ADD" -> {
            Path p = path();
            actions.add(new Update.Add(p, valueOperand()));
          }
          default -> {
            Path p = path();
            actions.add(new Update.Delete(p, valueOperand()));
          }
        }
      } while (accept(","));
    } while (peek().kind() != Token.Kind.EOF);
    return new Update(actions);
  }

  private Operand valueOperand() {
    Token t = next();
    if (t.kind() != Token.Kind.VALUE_REF) {
      throw syntaxError(t);
    }
    return new Operand.Value(t.text(), valueOf(t));
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (peek().is("+") || peek().is("-")) {
      boolean plus = next().text().equals("+");
      return new Operand.Arithmetic(left, plus, setOperand());
    }
    return left;
  }

  private Operand setOperand() {
    Token t = peek();
    if (t.kind() == Token.Kind.VALUE_REF) {
      next();
      return new Operand.Value(t.text(), valueOf(t));
    }
    if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
      next();
      expect("(");
      switch (t.text()) {
        case "if_not_exists" -> {
          Path p = path();
          expect(",");
          Operand fallback = setOperand();
          expect(")");
          return new Operand.IfNotExists(p, fallback);
        }
        case "list_append" -> {
          Operand a = setOperand();
          expect(",");
          Operand b = setOperand();
          expect(")");
          return new Operand.ListAppend(a, b);
        }
        default -> {
          problem(Problem.FUNCTION, "Invalid function name; function: " + t.text());
          while (!peek().is(")") && peek().kind() != Token.Kind.EOF) {
            next();
          }
          expect(")");
          return new Operand.Value("", new AttributeValue.Null());
        }
      }
    }
    return new Operand.PathOperand(path());
  }

  // ---- paths

  private Path path() {
    List<Path.Element> elements = new ArrayList<>();
    elements.add(new Path.Name(pathName()));
    while (true) {
      if (accept(".")) {
        elements.add(new Path.Name(pathName()));
      } else if (peek().is("[")) {
        next();
        Token n = next();
        if (n.kind() != Token.Kind.NUMBER) {
          throw syntaxError(n);
        }
        expect("]");
        try {
          elements.add(new Path.Index(Integer.parseInt(n.text())));
        } catch (NumberFormatException e) {
          problem(Problem.OTHER, "List index is too large; index: " + n.text());
          elements.add(new Path.Index(Integer.MAX_VALUE));
        }
      } else {
        return new Path(List.copyOf(elements));
      }
    }
  }

  private String pathName() {
    Token t = next();
    if (t.kind() == Token.Kind.NAME_REF) {
      String name = context.name(t.text());
      if (name == null) {
        problem(Problem.NAME, "An expression attribute name used in the document path is not defined; attribute name: " + t.text());
        return t.text();
      }
      return name;
    }
    if (t.kind() == Token.Kind.IDENTIFIER) {
      if (RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
        problem(Problem.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
      }
      return t.text();
    }
    throw syntaxError(t);
  }

  private AttributeValue valueOf(Token t) {
    AttributeValue v = context.value(t.text());
    if (v == null) {
      problem(Problem.VALUE, "An expression attribute value used in expression is not defined; attribute value: " + t.text());
      return new AttributeValue.Null();
    }
    return v;
  }

  // ---- tokens and errors

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      next();
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    Token t = next();
    if (!t.is(symbol)) {
      throw syntaxError(t);
    }
  }

  private void expectKeyword(String keyword) {
    Token t = next();
    if (!t.isKeyword(keyword)) {
      throw syntaxError(t);
    }
  }

  private void expectEnd() {
    if (peek().kind() != Token.Kind.EOF) {
      throw syntaxError(peek());
    }
  }

  private void checkNotEmpty() {
    if (peek().kind() == Token.Kind.EOF) {
      throw fail("The expression can not be empty;");
    }
  }

  private void problem(Problem kind, String message) {
    problems.putIfAbsent(kind, message);
  }

  private void report() {
    if (!problems.isEmpty()) {
      throw fail(problems.values().iterator().next());
    }
  }

  DynamoDbException fail(String detail) {
    return DynamoDbException.validation("Invalid " + expression + ": " + detail);
  }

  /** DynamoDB's syntax error: the token, and the text from the token before it to the one after. */
  private DynamoDbException syntaxError(Token t) {
    int i = tokens.indexOf(t);
    int from = i > 0 ? tokens.get(i - 1).start() : t.start();
    int to = i + 1 < tokens.size() ? tokens.get(i + 1).end() : t.end();
    return fail("Syntax error; token: \"" + t.shown() + "\", near: \"" + text.substring(from, Math.max(from, to)) + "\"");
  }

  private static Set<String> reservedWords() {
    Set<String> words = new HashSet<>();
    try (var in = Parser.class.getResourceAsStream("reserved-words.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> words.add(l.strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
