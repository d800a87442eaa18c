package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;

/**
 * A compiled JSONPath-mode path: {@code $...} reads the input, {@code $$...} the context object,
 * {@code $name...} a workflow variable. The syntax and results are Jayway JsonPath's, which AWS
 * uses. All parsing happens in {@link #compile}; {@link #read} only walks the tree.
 */
public final class JsonPath {

  /** What a path starts from. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  private final String text;
  private final Root root;
  private final String variable;
  private final Selection selection;

  private JsonPath(String text, Root root, String variable, Selection selection) {
    this.text = text;
    this.root = root;
    this.variable = variable;
    this.selection = selection;
  }

  public static JsonPath compile(String text) throws ExpressionSyntaxException {
    if (text == null || !text.startsWith("$")) {
      throw new ExpressionSyntaxException("Invalid JSONPath '" + text + "': a path must start with '$'");
    }
    Cursor in = new Cursor(withoutTrailingBlanks(text), 1); // Jayway trims the path
    Root root = Root.INPUT;
    String variable = null;
    if (in.peek() == '$') {
      root = Root.CONTEXT;
      in.pos++;
    } else if (isNameStart(in.peek())) {
      root = Root.VARIABLE;
      variable = variableName(in);
    }
    return new JsonPath(text, root, variable, new PathParser(in, false).steps());
  }

  private static String withoutTrailingBlanks(String text) {
    int end = text.length();
    while (end > 1 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static String variableName(Cursor in) {
    int start = in.pos;
    while (!in.atEnd() && (Character.isLetterOrDigit(in.peek()) || in.peek() == '_')) {
      in.pos++;
    }
    return in.text.substring(start, in.pos);
  }

  /** The path as written. */
  public String text() {
    return text;
  }

  public Root root() {
    return root;
  }

  /** The variable a {@code $name...} path reads, else null. */
  public String variable() {
    return variable;
  }

  /**
   * Whether the path selects at most one node. Wildcards, slices, filters, deep scans, index
   * unions and field unions followed by more steps make a path indefinite.
   */
  public boolean isDefinite() {
    return selection.definite();
  }

  /**
   * The value at the path: for a definite path the node, or Java null when there is none; for an
   * indefinite path an array of every match, possibly empty. An undefined variable has no value.
   */
  public JsonNode read(Scope scope) {
    JsonNode start =
        switch (root) {
          case INPUT -> scope.input();
          case CONTEXT -> scope.context();
          case VARIABLE -> scope.variable(variable);
        };
    return selection.from(start, start);
  }

  /** The steps after the root, for {@link ReferencePath}. */
  Selection selection() {
    return selection;
  }

  @Override
  public String toString() {
    return text;
  }
}
