package io.stepwise.asl.path;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A place where Stepwise's JSONPath is allowed to differ from Jayway in {@link
 * JaywayComparisonTest}, with the reason. {@code aws} says whether there is evidence that AWS
 * differs from Jayway there too; the others are Jayway behaviour not mirrored yet, kept visible
 * here and in docs/conformance.md rather than hidden.
 */
record KnownDifference(String name, boolean aws, String reason, Rule rule) {

  /** Whether a difference is this one, given the path and each side's complaint (null: accepted). */
  interface Rule {
    boolean covers(String path, String jaywayError, String ourError);
  }

  private static final Pattern VARIABLE = Pattern.compile("^\\$[\\p{L}_].*", Pattern.DOTALL);
  private static final Pattern FILTER = Pattern.compile("\\[ *\\?");
  private static final Pattern FILTER_TEXT = Pattern.compile("\\[ *\\? *\\(.*?\\) *]");
  private static final Pattern CALL_IN_FILTER = Pattern.compile("[\\w.\\]]\\(");
  private static final Pattern SCAN_THEN_MORE = Pattern.compile("\\.\\.(\\[ *\\?|(\\*|\\[[^\\]]*\\]|[^.\\[]+)[.\\[])");

  /** Paths one side compiles and the other refuses. */
  static final List<KnownDifference> COMPILE = List.of(
      new KnownDifference("a path begins with $", true,
          "AWS's paths page: \"a path is a string beginning with $\"; Jayway puts $. before any other text and"
              + " takes @ and leading blanks",
          (p, jayway, ours) -> jayway == null && !p.startsWith("$")),
      new KnownDifference("variables", true,
          "AWS reads $name... as a workflow variable (the corpus's Assign cases read such paths); Jayway knows only $ and @",
          (p, jayway, ours) -> ours == null && VARIABLE.matcher(p).matches()),
      new KnownDifference("lexical filter operators", true,
          "AWS's paths page: \"Lexical (non-symbol) operators such as subsetof aren't supported\"; Jayway has"
              + " in, nin, subsetof, anyof, noneof, size, empty, contains",
          (p, jayway, ours) -> jayway == null && ours != null && ours.contains("unsupported filter operator")),
      new KnownDifference("filter operand names", false,
          "Jayway's filter compiler reads a path operand such as @.*&.x, @.n.length()| or @.fl\"g differently"
              + " from our filter parser; seen only in malformed filters",
          (p, jayway, ours) -> FILTER.matcher(p).find()
              && (ours == null ? jayway.contains("close quote") : ours.matches(".*(expected '\\)'|empty field name).*"))));

  /** Paths both compile but read differently. */
  static final List<KnownDifference> READ = List.of(
      new KnownDifference("functions other than a final length()", true,
          "AWS deployed $.Jobs.sum() and then found nothing there: \"The JSONPath '$.Jobs.sum()' specified for the"
              + " field 'Jobs.$' could not be found in the input\" (AWS re:Post, \"sum() function returns error about"
              + " not finding path\"); Jayway computes min(), sum(), keys(), ... and fails on unknown names",
          (p, jayway, ours) -> FILTER_TEXT.matcher(p).replaceAll("").contains("(") || CALL_IN_FILTER.matcher(p).find()),
      new KnownDifference("backslashes in quoted names", true,
          "AWS kept the backslash of $['Test\\\"\"Name\"'] and found the key Test\\\"\"Name\" (corpus case"
              + " ESCAPE_SEQUENCES_JSONPATH); Jayway unescapes quoted names",
          (p, jayway, ours) -> p.matches("(?s).*\\[ *['\"].*\\\\.*")),
      new KnownDifference("filter on a scalar", false,
          "Jayway fails the whole read when a filter meets a string, number or boolean; we select nothing from it."
              + " No recording shows what AWS reports",
          (p, jayway, ours) -> jayway != null && jayway.contains("can not be applied to primitives")),
      new KnownDifference("deep scan followed by more steps, or scanning with a filter", false,
          "Jayway applies the step after ..x to the elements of every array x matches, gives up the whole read"
              + " when a later step meets the wrong type, and tests a scanned filter on arrays too; we apply"
              + " ..x and then the rest to each match, and test a scanned filter on objects",
          (p, jayway, ours) -> SCAN_THEN_MORE.matcher(p).find()));

  static KnownDifference find(List<KnownDifference> list, String path, String jaywayError, String ourError) {
    for (KnownDifference d : list) {
      if (d.rule.covers(path, jaywayError, ourError)) {
        return d;
      }
    }
    return null;
  }
}
