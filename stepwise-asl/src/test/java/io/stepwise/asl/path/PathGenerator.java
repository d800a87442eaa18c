package io.stepwise.asl.path;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random JSONPath texts for {@link JaywayComparisonTest}: well-formed paths built from every
 * kind of step (with and without a dot before brackets), and the same paths broken by small edits.
 */
final class PathGenerator {
  private static final String[] NAMES = {"a", "b", "x", "n", "Items", "Id", "book", "price", "with-dash", "1st", "_u", "é", "a@b", "length", "$x"};
  private static final String[] QUOTED = {"a", "b", "b c", "a.b", "x]y", "it\\'s", "q\"q", "", "a,b", "*", "0", "Id", "a\\\\b"};
  private static final String[] FILTERS = {
    "@.x > 1", "@.n == 'v'", "@.n == \"v\"", "@.flag", "!@.flag", "@.x > 1 && @.y < 2", "@.x < 1 || @.n",
    "@.x >= 1.5", "@.x != null", "@.n =~ /v.*/", "@.n =~ /V/i", "@.x == $.limit", "@.n in ['v', 'w']", "@.x nin [1]",
    "@.list size 2", "@.list empty false", "@['n'] == 'v'", "@.list[0] == 1", "(@.x > 1)", "@.x == true", "@.a.b",
    "@.x <= -1", "@.x > 1e2", "@ == 1", "@.n != 'v' && !(@.x > 2)", "@.list[*] == 1", "@..x", "@.x == [1,2]",
    "@.x == {\"a\":1}", "@.list.length() > 1", "@.x >1", "@.x>1", " @.x > 1 "
  };
  private static final String EDIT_CHARS = "$.[]'\"*?@()-:,0 1a\\=<>!&|";

  private final Random random;

  PathGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} distinct paths, about a third of them well formed. */
  List<String> paths(int count) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      String p = wellFormed();
      out.add(random.nextInt(3) == 0 ? p : broken(p));
    }
    return new ArrayList<>(out);
  }

  String wellFormed() {
    StringBuilder sb = new StringBuilder("$");
    int steps = random.nextInt(5);
    for (int i = 0; i < steps; i++) {
      sb.append(step());
    }
    if (random.nextInt(12) == 0) {
      sb.append(".length()");
    }
    return sb.toString();
  }

  private String step() {
    return switch (random.nextInt(11)) {
      case 0, 1, 2 -> "." + pick(NAMES);
      case 3 -> ".*";
      case 4 -> ".." + pick(NAMES);
      case 5 -> random.nextBoolean() ? "..*" : "..[" + bracket() + "]";
      case 6, 7, 8 -> "[" + bracket() + "]";
      default -> ".[" + bracket() + "]"; // the form AWS deploys and Jayway reads as a plain bracket
    };
  }

  private String bracket() {
    String inner =
        switch (random.nextInt(8)) {
          case 0, 1 -> names();
          case 2 -> String.valueOf(random.nextInt(9) - 4);
          case 3 -> (random.nextInt(7) - 3) + "," + (random.nextInt(7) - 3) + (random.nextBoolean() ? "," + random.nextInt(4) : "");
          case 4 -> slice();
          case 5 -> "*";
          default -> "?(" + pick(FILTERS) + ")";
        };
    return random.nextInt(6) == 0 ? " " + inner + " " : inner;
  }

  private String names() {
    char quote = random.nextBoolean() ? '\'' : '"';
    int n = 1 + random.nextInt(random.nextBoolean() ? 1 : 3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(random.nextBoolean() ? "," : ", ");
      }
      sb.append(quote).append(pick(QUOTED)).append(quote);
    }
    return sb.toString();
  }

  private String slice() {
    String a = random.nextInt(4) == 0 ? "" : String.valueOf(random.nextInt(9) - 4);
    String b = random.nextInt(4) == 0 ? "" : String.valueOf(random.nextInt(9) - 4);
    return switch (random.nextInt(4)) {
      case 0 -> a + ":" + b + ":" + (random.nextInt(3) + 1);
      case 1 -> " " + a + " : " + b;
      default -> a + ":" + b;
    };
  }

  /** One to three edits: a character deleted, inserted, replaced or doubled, or the end cut off. */
  String broken(String path) {
    StringBuilder sb = new StringBuilder(path);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && sb.length() > 1; i++) {
      int at = 1 + random.nextInt(sb.length() - 1); // the root '$' stays: other starts are AWS's business
      char c = EDIT_CHARS.charAt(random.nextInt(EDIT_CHARS.length()));
      switch (random.nextInt(5)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, c);
        case 2 -> sb.setCharAt(at, c);
        case 3 -> sb.insert(at, sb.charAt(at));
        default -> sb.setLength(at);
      }
    }
    return sb.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
