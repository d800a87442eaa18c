package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The results a fan has gathered, one slot per branch, iteration or child. A Distributed Map's
 * children can number in the hundreds of thousands and their results wait for the ResultWriter
 * until the run ends, so there each is kept as its JSON text (UTF-8), about a fifth of the tree's
 * size, and read back when it is wanted. Parallel branches and inline Map iterations keep trees:
 * they are few, and their results go straight into the state's output.
 */
abstract sealed class Results {
  static Results of(FanOut.Kind kind, int n) {
    return kind == FanOut.Kind.DISTRIBUTED_MAP ? new AsText(n) : new Trees(n);
  }

  abstract void set(int i, JsonNode result);

  /** The result in slot i; null when none is there. */
  abstract JsonNode get(int i);

  abstract int size();

  private static final class Trees extends Results {
    private final JsonNode[] slots;

    Trees(int n) {
      slots = new JsonNode[n];
    }

    @Override
    void set(int i, JsonNode result) {
      slots[i] = result;
    }

    @Override
    JsonNode get(int i) {
      return slots[i];
    }

    @Override
    int size() {
      return slots.length;
    }
  }

  private static final class AsText extends Results {
    private final byte[][] slots;

    AsText(int n) {
      slots = new byte[n][];
    }

    @Override
    void set(int i, JsonNode result) {
      try {
        slots[i] = result == null ? null : Json.MAPPER.writeValueAsBytes(result);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a tree the engine made always writes
      }
    }

    @Override
    JsonNode get(int i) {
      byte[] text = slots[i];
      if (text == null) {
        return null;
      }
      try {
        return Json.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // what was written reads back
      }
    }

    @Override
    int size() {
      return slots.length;
    }
  }
}
