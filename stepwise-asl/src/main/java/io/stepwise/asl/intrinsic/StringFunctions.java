package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** States.StringSplit and States.UUID. */
final class StringFunctions {
  private StringFunctions() {}

  /**
   * Splits at every character of the delimiter string and drops empty pieces, as AWS does: ",,,,"
   * split on "," is [] and ", , ," is [" ", " "].
   */
  static JsonNode split(Args args, Scope scope) {
    String text = args.text(0);
    String delimiters = args.text(1);
    ArrayNode out = Json.NODES.arrayNode();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || delimiters.indexOf(text.charAt(i)) >= 0) {
        if (i > start) {
          out.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** A version 4 UUID drawn from the scope's generator, so that replays draw the same one. */
  static JsonNode uuid(Args args, Scope scope) {
    RandomGenerator random = scope.random();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return Json.NODES.textNode(new UUID(msb, lsb).toString());
  }
}
