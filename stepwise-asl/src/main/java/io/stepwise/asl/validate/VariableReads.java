package io.stepwise.asl.validate;

import io.stepwise.asl.jsonata.JsonataExpression;
import io.stepwise.asl.jsonata.JsonataText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workflow variables an expression reads, found in its text. */
final class VariableReads {
  private static final Pattern NAME = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern BIND = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=");
  private static final Pattern PARAMETERS = Pattern.compile("(?:function|λ)\\s*\\(([^)]*)\\)");

  private VariableReads() {}

  /**
   * The variables a JSONPath-mode value reads: {@code $name} or {@code $name.field} as a path, or
   * {@code $name} among an intrinsic function's arguments.
   */
  static List<String> jsonPath(String value) {
    if (value.startsWith("States.")) {
      List<String> names = new ArrayList<>();
      Matcher m = NAME.matcher(JsonataText.codeOnly(value));
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
    Matcher m = NAME.matcher(value);
    return m.lookingAt() ? List.of(m.group(1)) : List.of();
  }

  /**
   * The variables a JSONata expression reads: every {@code $name} that is not {@code $states}, not
   * a function of the library or of Step Functions, and not bound inside the expression (by
   * {@code :=} or as a function parameter).
   */
  static List<String> jsonata(String expression) {
    String code = JsonataText.codeOnly(expression);
    Set<String> bound = new LinkedHashSet<>();
    Matcher b = BIND.matcher(code);
    while (b.find()) {
      bound.add(b.group(1));
    }
    Matcher p = PARAMETERS.matcher(code);
    while (p.find()) {
      Matcher n = NAME.matcher(p.group(1));
      while (n.find()) {
        bound.add(n.group(1));
      }
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME.matcher(code);
    while (m.find()) {
      String name = m.group(1);
      if (!name.equals("states") && !bound.contains(name) && !JsonataExpression.definesFunction(name)) {
        names.add(name);
      }
    }
    return new ArrayList<>(names);
  }
}
