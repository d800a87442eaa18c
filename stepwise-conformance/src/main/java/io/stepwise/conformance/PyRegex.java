package io.stepwise.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python {@code re} patterns and {@code re.sub} replacement templates on the JVM.
 *
 * <p>Patterns are translated where the two dialects differ in ways the corpus can reach:
 * {@code (?P<name>...)} and {@code (?P=name)}, {@code \Z}, {@code {,n}}, a '{' that is not a
 * quantifier, and '[' or '&&' inside a character class (literal in Python). Flags make '.'
 * and '$' treat only '\n' as a line end and make {@code \d \w \s} Unicode-aware, as Python's
 * str patterns are. Replacement templates follow Python: {@code \1}, {@code \g<1>},
 * {@code \g<name>}, {@code \n}-style escapes, other escapes kept verbatim, '$' literal.
 */
public final class PyRegex {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private PyRegex() {}

  /** Compiles a Python pattern. */
  public static Pattern compile(String pythonPattern) {
    return compile(pythonPattern, 0);
  }

  /** Compiles a Python pattern with extra Java flags. */
  public static Pattern compile(String pythonPattern, int extraFlags) {
    String key = extraFlags + ":" + pythonPattern;
    return CACHE.computeIfAbsent(
        key,
        k -> Pattern.compile(translate(pythonPattern), Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS | extraFlags));
  }

  /** {@code re.sub(pattern, replacement, text)}. */
  public static String sub(String pythonPattern, String replacement, String text) {
    return sub(compile(pythonPattern), replacement, text);
  }

  /** {@code re.sub} with a compiled pattern (empty matches behave as in Python 3.7+). */
  public static String sub(Pattern p, String replacement, String text) {
    Matcher m = p.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(text, last, m.start());
      sb.append(expand(replacement, m));
      last = m.end();
    }
    if (sb == null) {
      return text;
    }
    sb.append(text, last, text.length());
    return sb.toString();
  }

  /** Expands a Python replacement template for one match. */
  static String expand(String template, Matcher m) {
    if (template.indexOf('\\') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        sb.append(c);
        i++;
        continue;
      }
      char d = template.charAt(i + 1);
      if (d == 'g' && i + 2 < n && template.charAt(i + 2) == '<') {
        int close = template.indexOf('>', i + 3);
        if (close < 0) {
          throw new IllegalArgumentException("missing > in group reference: " + template);
        }
        String ref = template.substring(i + 3, close);
        String g = ref.chars().allMatch(Character::isDigit) && !ref.isEmpty() ? m.group(Integer.parseInt(ref)) : m.group(ref);
        sb.append(g == null ? "" : g);
        i = close + 1;
      } else if (Character.isDigit(d)) {
        if (d == '0') {
          // octal escape \0, \0o, \0oo
          int j = i + 2;
          int val = 0;
          while (j < n && j < i + 4 && template.charAt(j) >= '0' && template.charAt(j) <= '7') {
            val = val * 8 + (template.charAt(j) - '0');
            j++;
          }
          sb.append((char) val);
          i = j;
        } else {
          int j = i + 2;
          if (j < n && Character.isDigit(template.charAt(j))) {
            j++;
          }
          String g = m.group(Integer.parseInt(template.substring(i + 1, j)));
          sb.append(g == null ? "" : g);
          i = j;
        }
      } else {
        switch (d) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'f' -> sb.append('\f');
          case 'v' -> sb.append('\u000b');
          case 'a' -> sb.append('\u0007');
          case 'b' -> sb.append('\b');
          case '\\' -> sb.append('\\');
          default -> {
            if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
              throw new IllegalArgumentException("bad escape \\" + d + " in replacement: " + template);
            }
            sb.append('\\').append(d);
          }
        }
        i += 2;
      }
    }
    return sb.toString();
  }

  /** Translates Python pattern syntax to java.util.regex syntax. */
  static String translate(String p) {
    StringBuilder sb = new StringBuilder(p.length() + 8);
    int i = 0;
    int n = p.length();
    boolean inClass = false;
    int classStart = -1;
    while (i < n) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char d = p.charAt(i + 1);
        if (!inClass && d == 'Z') {
          sb.append("\\z");
        } else {
          sb.append(c).append(d);
        }
        i += 2;
        continue;
      }
      if (inClass) {
        if (c == ']' && i > classStart) {
          inClass = false;
          sb.append(c);
        } else if (c == '[') {
          sb.append("\\[");
        } else if (c == '&' && i + 1 < n && p.charAt(i + 1) == '&') {
          sb.append("\\&");
        } else {
          sb.append(c);
        }
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        sb.append(c);
        i++;
        if (i < n && p.charAt(i) == '^') {
          sb.append('^');
          i++;
        }
        // a ']' right after '[' or '[^' is a literal in Python
        if (i < n && p.charAt(i) == ']') {
          sb.append("\\]");
          i++;
        }
        classStart = i;
        continue;
      }
      if (c == '(' && p.startsWith("(?P<", i)) {
        sb.append("(?<");
        i += 4;
        continue;
      }
      if (c == '(' && p.startsWith("(?P=", i)) {
        int close = p.indexOf(')', i);
        sb.append("\\k<").append(p, i + 4, close).append('>');
        i = close + 1;
        continue;
      }
      if (c == '{') {
        Matcher q = QUANT.matcher(p).region(i, n);
        if (q.lookingAt() && (q.group(1) != null && !q.group(1).isEmpty() || q.group(2) != null)) {
          String lo = q.group(1) == null || q.group(1).isEmpty() ? "0" : q.group(1);
          sb.append('{').append(lo);
          if (q.group(2) != null) {
            sb.append(',').append(q.group(3) == null ? "" : q.group(3));
          }
          sb.append('}');
          i = q.end();
        } else {
          sb.append("\\{");
          i++;
        }
        continue;
      }
      if (c == '}') {
        sb.append("\\}");
        i++;
        continue;
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  private static final Pattern QUANT = Pattern.compile("\\{(\\d*)(,(\\d*))?\\}");
}
