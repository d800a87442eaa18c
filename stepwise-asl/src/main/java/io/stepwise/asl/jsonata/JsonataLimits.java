package io.stepwise.asl.jsonata;

/**
 * The bounds one JSONata evaluation runs within. An expression that passes one of them fails with
 * {@code States.QueryEvaluationError}, as it does on AWS, instead of hanging a thread or filling
 * the heap.
 *
 * <p>The defaults follow what AWS was measured to do: evaluation nested more than 100 deep fails
 * ("Stack overflow error", so {@code 1+1+...+1} with 200 terms fails), and a value of more than
 * 6,990,256 bytes fails ("memory limit exceeded"; {@code [1..873782]} is accepted and
 * {@code [1..873783]} refused, a string of 2^22 characters accepted and one of 2^23 refused). We
 * count 8 bytes per array item and 1 per string character, which meets both measurements. AWS's
 * time limit is not known. A runaway loop is bounded by work, not time: the number of expression
 * nodes one evaluation may evaluate, so that a replay of the execution decides exactly as the
 * first run did however busy the machine is. The default, 50 million nodes, is a few seconds of
 * evaluation here and about fifteen passes over the largest array AWS allows.
 *
 * @param maxSteps how many expression nodes one evaluation may evaluate
 * @param maxDepth how deeply expression evaluation may nest (counted per evaluated node, as
 *     JSONata's own timebox counts it)
 * @param maxArrayLength the most items an array or sequence may hold, in any intermediate value
 *     and in the result, and the most nodes a result may convert to
 * @param maxStringLength the most characters a string may hold
 * @param maxResultDepth how deeply the result may nest (JSON text deeper than this could not be
 *     read back)
 */
public record JsonataLimits(
    long maxSteps, int maxDepth, int maxArrayLength, int maxStringLength, int maxResultDepth) {

  /** Bytes AWS lets one value take. */
  public static final long AWS_MEMORY_BYTES = 6_990_256L;

  public static final long DEFAULT_MAX_STEPS = 50_000_000;
  public static final int DEFAULT_MAX_DEPTH = 100;
  public static final int DEFAULT_MAX_ARRAY_LENGTH = (int) (AWS_MEMORY_BYTES / 8);
  public static final int DEFAULT_MAX_STRING_LENGTH = (int) AWS_MEMORY_BYTES;
  public static final int DEFAULT_MAX_RESULT_DEPTH = 1000;

  /** The limits every expression gets unless its compiler asks for others. */
  public static final JsonataLimits DEFAULT =
      new JsonataLimits(
          DEFAULT_MAX_STEPS,
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_ARRAY_LENGTH,
          DEFAULT_MAX_STRING_LENGTH,
          DEFAULT_MAX_RESULT_DEPTH);

  public JsonataLimits {
    if (maxSteps <= 0 || maxDepth <= 0 || maxArrayLength <= 0 || maxStringLength <= 0 || maxResultDepth <= 0) {
      throw new IllegalArgumentException("every JSONata limit must be positive");
    }
  }

  /** These limits with another work limit. */
  public JsonataLimits withMaxSteps(long steps) {
    return new JsonataLimits(steps, maxDepth, maxArrayLength, maxStringLength, maxResultDepth);
  }

  /** These limits with another depth limit. */
  public JsonataLimits withMaxDepth(int depth) {
    return new JsonataLimits(maxSteps, depth, maxArrayLength, maxStringLength, maxResultDepth);
  }
}
