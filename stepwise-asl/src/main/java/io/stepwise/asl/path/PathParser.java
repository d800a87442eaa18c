package io.stepwise.asl.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the steps after a path's root, in the syntax Jayway JsonPath accepts: {@code .name},
 * {@code ['name']} (also written {@code .['name']}), {@code [0]}, {@code [-1]}, {@code [0,1]}, {@code ['a','b']}, slices,
 * {@code *}, {@code ..}, filters and a final {@code .length()}.
 */
final class PathParser {
  private static final String FILTER_NAME_ENDS = ")=!<>&|~,";

  private final Cursor in;
  private final boolean inFilter; // inside [?(...)] a path ends where an operator starts

  PathParser(Cursor in, boolean inFilter) {
    this.in = in;
    this.inFilter = inFilter;
  }

  /** Parses steps up to the end of the text, or in a filter up to the first non-step character. */
  Selection steps() {
    List<Step> steps = new ArrayList<>();
    boolean length = false;
    while (!in.atEnd()) {
      char c = in.peek();
      if (c != '.' && c != '[') {
        if (inFilter) {
          break;
        }
        throw in.fail("unexpected '" + c + "'");
      }
      if (length) {
        throw in.fail("length() must be the last step");
      }
      if (c == '[') {
        steps.add(bracket());
      } else if (in.startsWith("..")) {
        in.pos += 2;
        steps.add(new Step.DeepScan(scanTarget()));
      } else {
        in.pos++;
        Step s = dotStep();
        if (s == null) {
          length = true;
        } else {
          steps.add(s);
        }
      }
    }
    if (!length) {
      mergeLastUnion(steps);
    }
    return new Selection(steps.toArray(new Step[0]), length);
  }

  /** Jayway merges a field union that ends the path into one object (and counts it definite). */
  private static void mergeLastUnion(List<Step> steps) {
    int last = steps.size() - 1;
    if (last < 0) {
      return;
    }
    Step s = steps.get(last);
    if (s instanceof Step.FieldUnion u) {
      steps.set(last, new Step.FieldMerge(u.names()));
    } else if (s instanceof Step.DeepScan d && d.target() instanceof Step.FieldUnion u) {
      steps.set(last, new Step.DeepScan(new Step.FieldMerge(u.names())));
    }
  }

  /**
   * After '.': a wildcard, a name, length() (returned as null), or a bracket: Jayway reads a dot
   * and then any token, so {@code $.a.[0]} is {@code $.a[0]} (and AWS deploys such paths).
   */
  private Step dotStep() {
    if (in.atEnd()) {
      throw in.fail("a path must not end with '.'");
    }
    if (in.peek() == '*') {
      in.pos++;
      return new Step.Wildcard();
    }
    if (in.peek() == '[') {
      return bracket();
    }
    String name = name();
    if (in.peek() == '(') {
      if (!name.equals("length") || !in.startsWith("()")) {
        throw in.fail("unsupported function '" + name + "'");
      }
      in.pos += 2;
      return null;
    }
    return new Step.Field(name.intern()); // Jackson interns field names: identity makes lookups cheap
  }

  private Step scanTarget() {
    if (in.atEnd()) {
      throw in.fail("a path must not end with '..'");
    }
    char c = in.peek();
    if (c == '*') {
      in.pos++;
      return new Step.Wildcard();
    }
    if (c == '[') {
      return bracket();
    }
    if (c == '.') {
      throw in.fail("unexpected '.'");
    }
    String name = name();
    if (in.peek() == '(') {
      throw in.fail("a function cannot follow '..'");
    }
    return new Step.Field(name.intern()); // Jackson interns field names: identity makes lookups cheap
  }

  private String name() {
    int start = in.pos;
    while (!in.atEnd()) {
      char c = in.peek();
      if (c == '.' || c == '[' || c == '(') {
        break;
      }
      if (Character.isWhitespace(c)) {
        if (inFilter) {
          break;
        }
        throw in.fail("use bracket notation ['my name'] for names with blanks");
      }
      if (inFilter && FILTER_NAME_ENDS.indexOf(c) >= 0) {
        break;
      }
      in.pos++;
    }
    if (in.pos == start) {
      throw in.fail("empty field name");
    }
    return in.text.substring(start, in.pos);
  }

  private Step bracket() {
    in.expect('[');
    in.skipBlanks();
    char c = in.peek();
    Step step;
    if (c == '*') {
      in.pos++;
      step = new Step.Wildcard();
    } else if (c == '?') {
      in.pos++;
      in.skipBlanks();
      in.expect('(');
      Predicate p = new FilterParser(in).expression();
      in.skipBlanks();
      in.expect(')');
      step = new Step.Filter(p);
    } else if (c == '\'' || c == '"') {
      step = names();
    } else if (c == '-' || c == ':' || Character.isDigit(c)) {
      step = indexes();
    } else {
      throw in.fail(in.atEnd() ? "unclosed '['" : "unexpected '" + c + "' in brackets");
    }
    in.skipBlanks();
    in.expect(']');
    return step;
  }

  private Step names() {
    List<String> names = new ArrayList<>();
    while (true) {
      names.add(quoted());
      in.skipBlanks();
      if (in.peek() != ',') {
        break;
      }
      in.pos++;
      in.skipBlanks();
    }
    return names.size() == 1 ? new Step.Field(names.get(0).intern()) : new Step.FieldUnion(names.toArray(new String[0]));
  }

  /**
   * A quoted name. A backslash protects the next character from ending the name but stays in it:
   * AWS matched {@code $['a\"b']} against the key {@code a\"b}.
   */
  private String quoted() {
    char quote = in.peek();
    if (quote != '\'' && quote != '"') {
      throw in.fail("expected a quoted name");
    }
    int start = ++in.pos;
    while (!in.atEnd()) {
      char c = in.peek();
      if (c == '\\') {
        in.pos += 2;
      } else if (c == quote) {
        String name = in.text.substring(start, in.pos);
        in.pos++;
        return name;
      } else {
        in.pos++;
      }
    }
    throw in.fail("unterminated quoted name");
  }

  private Step indexes() {
    Integer first = in.integer();
    in.skipBlanks();
    if (in.peek() == ':') {
      in.pos++;
      in.skipBlanks();
      Integer to = in.integer();
      if (first == null && to == null) {
        throw in.fail("a slice needs a start or an end");
      }
      return new Step.Slice(first, to);
    }
    if (first == null) {
      throw in.fail("expected an index");
    }
    List<Integer> all = new ArrayList<>(List.of(first));
    while (in.peek() == ',') {
      in.pos++;
      in.skipBlanks();
      Integer next = in.integer();
      if (next == null) {
        throw in.fail("expected an index");
      }
      all.add(next);
      in.skipBlanks();
    }
    if (all.size() == 1) {
      return new Step.Index(first);
    }
    return new Step.IndexUnion(all.stream().mapToInt(Integer::intValue).toArray());
  }
}
