package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Random;
import java.util.random.RandomGenerator;

/** States.MathRandom and MathAdd; non-integer arguments are rounded, as AWS documents. */
final class MathFunctions {
  private MathFunctions() {}

  /**
   * An integer from start (inclusive) to end (exclusive). Without a seed it draws from the scope's
   * generator, which the engine seeds per execution so that replays agree; a seed makes the result
   * a function of the arguments alone.
   */
  static JsonNode random(Args args, Scope scope) {
    int start = args.rounded(0);
    int end = args.rounded(1);
    if (start >= end) {
      throw args.fail("the start " + start + " must be less than the end " + end);
    }
    RandomGenerator random = args.count() == 3 ? new Random(args.rounded(2)) : scope.random();
    long span = end - (long) start;
    long offset = span <= Integer.MAX_VALUE ? random.nextInt((int) span) : random.nextLong(span);
    return Json.NODES.numberNode((int) (start + offset));
  }

  static JsonNode add(Args args, Scope scope) {
    long sum = (long) args.rounded(0) + args.rounded(1);
    return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
  }
}
