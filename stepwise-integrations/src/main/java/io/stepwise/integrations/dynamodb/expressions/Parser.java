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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

  private final ExpressionContext context;
  private final Tokens tokens;

  private Parser(String text, String expression, ExpressionContext context) {
    this.context = context;
    this.tokens = new Tokens(text, expression);
  }

  /**
   * A condition.
   *
   * @param expression the request member it came from, for messages: {@code ConditionExpression}
   */
  public static Condition condition(String text, String expression, ExpressionContext context) {
    Parser p = new Parser(text, expression, context);
    p.tokens.checkNotEmpty();
    Condition c = p.orCondition();
    p.tokens.expectEnd();
    p.tokens.report();
    return c;
  }

  public static Update update(String text, ExpressionContext context) {
    Parser p = new Parser(text, "UpdateExpression", context);
    p.tokens.checkNotEmpty();
    Update u = p.updateClauses();
    p.tokens.report();
    UpdateChecks.paths(u, p.tokens::fail);
    return u;
  }

  public static List<Path> projection(String text, ExpressionContext context) {
    Parser p = new Parser(text, "ProjectionExpression", context);
    p.tokens.checkNotEmpty();
    List<Path> paths = new ArrayList<>();
    do {
      paths.add(p.path());
    } while (p.tokens.accept(","));
    p.tokens.expectEnd();
    p.tokens.report();
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        if (paths.get(i).overlaps(paths.get(j))) {
          throw p.tokens.fail("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
              + paths.get(i).shown() + ", path two: " + paths.get(j).shown());
        }
      }
    }
    return paths;
  }

  // ---- conditions

  private Condition orCondition() {
    Condition left = andCondition();
    while (tokens.peek().isKeyword("OR")) {
      tokens.next();
      left = new Condition.Or(left, andCondition());
    }
    return left;
  }

  private Condition andCondition() {
    Condition left = notCondition();
    while (tokens.peek().isKeyword("AND")) {
      tokens.next();
      left = new Condition.And(left, notCondition());
    }
    return left;
  }

  private Condition notCondition() {
    if (tokens.peek().isKeyword("NOT")) {
      tokens.next();
      return new Condition.Not(notCondition());
    }
    return primaryCondition();
  }

  private Condition primaryCondition() {
    if (tokens.accept("(")) {
      Condition c = orCondition();
      tokens.expect(")");
      return c;
    }
    Token t = tokens.peek();
    if (t.kind() == Token.Kind.IDENTIFIER && tokens.peekAt(1).is("(") && !t.text().equals("size")) {
      return functionCondition();
    }
    Operand left = operand();
    Token op = tokens.peek();
    if (op.kind() == Token.Kind.SYMBOL && List.of("=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
      tokens.next();
      return new Condition.Compare(left, op.text(), operand());
    }
    if (op.isKeyword("BETWEEN")) {
      tokens.next();
      Operand low = operand();
      tokens.expectKeyword("AND");
      Operand high = operand();
      if (low instanceof Operand.Value l && high instanceof Operand.Value h) {
        Integer order = Values.compare(l.value(), h.value());
        if (order == null) {
          tokens.problem(Tokens.Problem.OTHER, "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: "
              + ItemJson.quote(l.value()) + ", upper bound operand: AttributeValue: " + ItemJson.quote(h.value()));
        } else if (order > 0) {
          tokens.problem(Tokens.Problem.OTHER, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
              + ItemJson.quote(l.value()) + ", upper bound operand: AttributeValue: " + ItemJson.quote(h.value()));
        }
      }
      return new Condition.Between(left, low, high);
    }
    if (op.isKeyword("IN")) {
      tokens.next();
      tokens.expect("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(operand());
      } while (tokens.accept(","));
      tokens.expect(")");
      if (candidates.size() > 100) {
        tokens.problem(Tokens.Problem.OTHER, "The IN operator is provided with too many operands; number of operands: " + candidates.size());
      }
      return new Condition.In(left, candidates);
    }
    if (left instanceof Operand.Size) {
      tokens.problem(Tokens.Problem.MISUSED, "The function is not allowed to be used this way in an expression; function: size");
      return new Condition.Compare(left, "=", left);
    }
    throw tokens.syntaxError(op);
  }

  private Condition functionCondition() {
    Token name = tokens.next();
    String fn = name.text();
    List<Operand> args = arguments();
    if (!CONDITION_FUNCTIONS.contains(fn)) {
      tokens.problem(Tokens.Problem.FUNCTION, knownFunction(fn)
          ? "The function is not allowed to be used this way in an expression; function: " + fn
          : "Invalid function name; function: " + fn);
      return new Condition.Exists(new Path(List.of(new Path.Name(fn))), true);
    }
    int arity = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
    if (args.size() != arity) {
      tokens.problem(Tokens.Problem.OTHER, "Incorrect number of operands for operator or function; operator or function: " + fn
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
            tokens.problem(Tokens.Problem.OTHER, "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                + v.value().type());
          } else if (!VALID_TYPES.contains(s.value())) {
            tokens.problem(Tokens.Problem.OTHER, "Invalid attribute type name found; type: " + s.value() + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
          }
        }
        return new Condition.AttributeType(pathArgument(fn, first), type);
      }
      case "begins_with" -> {
        for (Operand a : args) {
          if (a instanceof Operand.Value v && !(v.value() instanceof AttributeValue.S) && !(v.value() instanceof AttributeValue.B)) {
            tokens.problem(Tokens.Problem.OTHER, "Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
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
    tokens.problem(Tokens.Problem.OTHER, "Operator or function requires a document path; operator or function: " + fn);
    return new Path(List.of(new Path.Name(fn)));
  }

  private List<Operand> arguments() {
    tokens.expect("(");
    List<Operand> args = new ArrayList<>();
    if (!tokens.peek().is(")")) {
      do {
        args.add(operand());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    return args;
  }

  /** A path, a value, or {@code size(path)}. */
  private Operand operand() {
    Token t = tokens.peek();
    if (t.kind() == Token.Kind.VALUE_REF) {
      tokens.next();
      return new Operand.Value(t.text(), valueOf(t));
    }
    if (t.kind() == Token.Kind.IDENTIFIER && tokens.peekAt(1).is("(")) {
      tokens.next();
      List<Operand> args = arguments();
      if (!t.text().equals("size")) {
        tokens.problem(Tokens.Problem.FUNCTION, knownFunction(t.text())
            ? "The function is not allowed to be used this way in an expression; function: " + t.text()
            : "Invalid function name; function: " + t.text());
        return new Operand.Size(new Path(List.of(new Path.Name(t.text()))));
      }
      if (args.size() != 1) {
        tokens.problem(Tokens.Problem.OTHER, "Incorrect number of operands for operator or function; operator or function: size, number of operands: " + args.size());
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
      Token clause = tokens.next();
      String word = clause.kind() == Token.Kind.IDENTIFIER ? clause.text().toUpperCase(Locale.ROOT) : "";
      if (!List.of("SET", "REMOVE", "ADD", "DELETE").contains(word)) {
        throw tokens.syntaxError(clause);
      }
      if (!seen.add(word)) {
        tokens.problem(Tokens.Problem.OTHER, "The \"" + word + "\" section can only be used once in an update expression;");
      }
      do {
        switch (word) {
          case "SET" -> {
            Path p = path();
            tokens.expect("=");
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
      } while (tokens.accept(","));
    } while (tokens.peek().kind() != Token.Kind.EOF);
    return new Update(actions);
  }

  private Operand valueOperand() {
    Token t = tokens.next();
    if (t.kind() != Token.Kind.VALUE_REF) {
      throw tokens.syntaxError(t);
    }
    return new Operand.Value(t.text(), valueOf(t));
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (tokens.peek().is("+") || tokens.peek().is("-")) {
      boolean plus = tokens.next().text().equals("+");
      return new Operand.Arithmetic(left, plus, setOperand());
    }
    return left;
  }

  private Operand setOperand() {
    Token t = tokens.peek();
    if (t.kind() == Token.Kind.VALUE_REF) {
      tokens.next();
      return new Operand.Value(t.text(), valueOf(t));
    }
    if (t.kind() == Token.Kind.IDENTIFIER && tokens.peekAt(1).is("(")) {
      tokens.next();
      tokens.expect("(");
      switch (t.text()) {
        case "if_not_exists" -> {
          Path p = path();
          tokens.expect(",");
          Operand fallback = setOperand();
          tokens.expect(")");
          return new Operand.IfNotExists(p, fallback);
        }
        case "list_append" -> {
          Operand a = setOperand();
          tokens.expect(",");
          Operand b = setOperand();
          tokens.expect(")");
          return new Operand.ListAppend(a, b);
        }
        default -> {
          tokens.problem(Tokens.Problem.FUNCTION, "Invalid function name; function: " + t.text());
          while (!tokens.peek().is(")") && tokens.peek().kind() != Token.Kind.EOF) {
            tokens.next();
          }
          tokens.expect(")");
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
      if (tokens.accept(".")) {
        elements.add(new Path.Name(pathName()));
      } else if (tokens.peek().is("[")) {
        tokens.next();
        Token n = tokens.next();
        if (n.kind() != Token.Kind.NUMBER) {
          throw tokens.syntaxError(n);
        }
        tokens.expect("]");
        try {
          elements.add(new Path.Index(Integer.parseInt(n.text())));
        } catch (NumberFormatException e) {
          tokens.problem(Tokens.Problem.OTHER, "List index is too large; index: " + n.text());
          elements.add(new Path.Index(Integer.MAX_VALUE));
        }
      } else {
        return new Path(List.copyOf(elements));
      }
    }
  }

  private String pathName() {
    Token t = tokens.next();
    if (t.kind() == Token.Kind.NAME_REF) {
      String name = context.name(t.text());
      if (name == null) {
        tokens.problem(Tokens.Problem.NAME, "An expression attribute name used in the document path is not defined; attribute name: " + t.text());
        return t.text();
      }
      return name;
    }
    if (t.kind() == Token.Kind.IDENTIFIER) {
      if (RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
        tokens.problem(Tokens.Problem.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
      }
      return t.text();
    }
    throw tokens.syntaxError(t);
  }

  private AttributeValue valueOf(Token t) {
    AttributeValue v = context.value(t.text());
    if (v == null) {
      tokens.problem(Tokens.Problem.VALUE, "An expression attribute value used in expression is not defined; attribute value: " + t.text());
      return new AttributeValue.Null();
    }
    return v;
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
