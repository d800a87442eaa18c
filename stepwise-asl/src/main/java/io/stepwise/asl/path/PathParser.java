package io.stepwise.asl.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the steps after a path's root, in the syntax Jayway JsonPath accepts: {@code .name},
 * {@code ['name']}, {@code [0]}, {@code [-1]}, {@code [0,1]}, {@code ['a','b']}, slices,
 * {@code *}, {@code ..}, filters and a final {@code .length()}; a dot may stand before a
 * bracket ({@code .[0]}). Jayway's leniencies are followed too, since AWS deploys what it compiles.
 */
final class PathParser {
  private static final String FILTER_NAME_ENDS = ")=!<>~"; // as Jayway's filters: & | , stay in a name

  private final Cursor in;
  private final boolean inFilter; // inside [?(...)] a path ends where an operator starts

  PathParser(Cursor in, boolean inFilter) {
    this.in = in;
    this.inFilter = inFilter;
  }

  /** Parses steps up to the end of the text, or in a filter up to the first non-step character. */
  Selection steps() {
    if (!inFilter && in.text.endsWith(".")) {
      in.pos = in.text.length();
      throw in.fail(in.text.endsWith("..") ? "a path must not end with '..'" : "a path must not end with '.'");
    }
    List<Step> steps = new ArrayList<>();
    boolean length = false;
    boolean first = true;
    while (!in.atEnd()) {
      char c = in.peek();
      if (c != '.' && c != '[' && (inFilter || first || c == ' ')) {
        if (inFilter) {
          break;
        }
        throw in.fail("unexpected '" + c + "'");
      }
      if (length) {
        throw in.fail("length() must be the last step");
      }
      Step s;
      if (c == '[') {
        s = bracket();
      } else if (in.startsWith("..")) {
        in.pos += 2;
        s = new Step.DeepScan(scanTarget());
      } else if (c == '.') {
        in.pos++;
        s = dotStep();
      } else {
        s = dotStep(); // Jayway reads a name or '*' right after a bracket or a wildcard as a step of its own
      }
      if (s == null) {
        length = true;
      } else {
        steps.add(s);
        if (!inFilter && in.pos == in.text.length() - 1) {
          in.pos++; // Jayway stops when one character is left after a step, and ignores it
        }
      }
      first = false;
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
      if (name.equals("length") && in.startsWith("()") && (inFilter || in.pos + 2 == in.text.length())) {
        in.pos += 2;
        return null;
      }
      return function(name);
    }
    return new Step.Field(name.intern()); // Jackson interns field names: identity makes lookups cheap
  }

  /**
   * Any other function call. Jayway reads on after it, from the ')' of a call without arguments
   * (so {@code sum()x} is a call and a step named ")x"); we parse the same steps, which find nothing.
   */
  private Step function(String name) {
    FunctionCall.skip(in, name, !inFilter);
    return new Step.Function(name);
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
      return function(name);
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
      if (inFilter ? Character.isWhitespace(c) : c == ' ') {
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
    if (in.pos == start && (inFilter || in.peek() != '(')) {
      throw in.fail("empty field name"); // Jayway calls ".()" a function with an empty name
    }
    return in.text.substring(start, in.pos);
  }

  private Step bracket() {
    int open = in.pos;
    in.expect('[');
    char c = in.peekPastSpaces();
    if (c == '\'' || c == '"') {
      return names(open, c);
    }
    if (c == '-' || c == ':' || Character.isDigit(c)) {
      return indexes(open);
    }
    in.skipSpaces();
    Step step;
    if (c == '*') {
      in.pos++;
      step = new Step.Wildcard();
    } else if (c == '?') {
      in.pos++;
      in.skipBlanks();
      in.expect('(');
      in.enter();
      Predicate p = new FilterParser(in).expression();
      in.skipBlanks();
      in.expect(')');
      in.leave();
      step = new Step.Filter(p);
    } else {
      throw in.fail(in.atEnd() ? "unclosed '['" : "unexpected '" + c + "' in brackets");
    }
    in.skipSpaces();
    in.expect(']');
    return step;
  }

  /**
   * Quoted names, as Jayway reads them: a backslash protects the next character from ending a name
   * but stays in it (AWS matched {@code $['a\"b']} against the key {@code a\"b}, where Jayway
   * would drop it), a name must be followed by ',' or ']', and anything else between the names is
   * skipped.
   */
  private Step names(int open, char quote) {
    List<String> names = new ArrayList<>();
    boolean inName = false;
    boolean escaped = false;
    boolean comma = false;
    int start = 0;
    int lastClose = -1;
    for (int i = open + 1; i < in.text.length(); i++) {
      char c = in.text.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == quote) {
        if (inName) {
          in.pos = i + 1;
          char next = in.peekPastSpaces();
          if (next != ']' && next != ',') {
            throw in.fail("expected ',' or ']' after a quoted name");
          }
          names.add(in.text.substring(start, i));
          lastClose = i;
        } else {
          start = i + 1;
          comma = false;
        }
        inName = !inName;
      } else if (!inName && (c == ']' || c == ',')) {
        if (comma) {
          in.pos = i;
          throw in.fail("empty name in brackets");
        }
        if (c == ']') {
          break;
        }
        comma = true;
      }
    }
    if (inName) {
      in.pos = in.text.length();
      throw in.fail("unterminated quoted name");
    }
    in.pos = lastClose + 1;
    in.skipSpaces();
    in.expect(']');
    return names.size() == 1 ? new Step.Field(names.get(0).intern()) : new Step.FieldUnion(names.toArray(new String[0]));
  }

  /**
   * Indexes and slices, as Jayway reads them: the text up to the next ']', blanks allowed around
   * it and around the commas of a union but not inside a slice, and a slice's step ({@code
   * [0:4:2]}) accepted and ignored.
   */
  private Step indexes(int open) {
    int close = in.text.indexOf(']', open);
    if (close < 0) {
      in.pos = in.text.length();
      throw in.fail("unclosed '['");
    }
    in.pos = close;
    String text = in.text.substring(open + 1, close).trim();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isDigit(c) && c != '-' && c != ',' && c != ':' && c != ' ') {
        throw in.fail("unexpected '" + c + "' in brackets");
      }
    }
    Step step;
    if (text.indexOf(':') >= 0) {
      if (text.indexOf(' ') >= 0 || text.indexOf(',') >= 0) {
        throw in.fail("a slice takes no blanks or commas");
      }
      String[] bounds = text.split(":");
      Integer from = bounds.length > 0 ? bound(bounds[0]) : null;
      Integer to = bounds.length > 1 ? bound(bounds[1]) : null;
      if (from == null && to == null) {
        throw in.fail("a slice needs a start or an end");
      }
      step = new Step.Slice(from, to);
    } else {
      String[] parts = text.split(",", -1);
      int[] all = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        all[i] = index(parts[i].trim());
      }
      step = all.length == 1 ? new Step.Index(all[0]) : new Step.IndexUnion(all);
    }
    in.pos = close + 1;
    return step;
  }

  private Integer bound(String text) {
    return text.isEmpty() ? null : index(text);
  }

  private int index(String text) {
    try {
      return Integer.parseInt(text); // as Jayway: any Unicode digits
    } catch (NumberFormatException e) {
      throw in.fail(text.isEmpty() ? "expected an index" : text.matches("-?\\d+") ? "index out of range" : "bad index '" + text + "'");
    }
  }
}
