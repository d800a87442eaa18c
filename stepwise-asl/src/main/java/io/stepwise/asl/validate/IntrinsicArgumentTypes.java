package io.stepwise.asl.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the literal arguments of intrinsic calls against the types the functions take, e.g.
 * {@code States.MathAdd(1, '-1')}. The intrinsic compiler leaves argument types to run time; a
 * literal of the wrong type can only ever fail, so the validator rejects it up front. Arguments
 * that are paths are unknown until run time and pass. Runs only on text that compiled.
 */
final class IntrinsicArgumentTypes {
  enum Type {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    ARRAY("an array"),
    OBJECT("an object"),
    ANY("any value");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  /** Parameter types (the last repeats when variadic) and the result type. */
  private record Signature(Type result, boolean variadic, Type... params) {
    Type param(int i) {
      if (i < params.length) {
        return params[i];
      }
      return variadic && params.length > 0 ? params[params.length - 1] : Type.ANY;
    }
  }

  private static final Map<String, Signature> SIGNATURES = Map.ofEntries(
      Map.entry("States.Format", new Signature(Type.STRING, true, Type.STRING, Type.ANY)),
      Map.entry("States.StringToJson", new Signature(Type.ANY, false, Type.STRING)),
      Map.entry("States.JsonToString", new Signature(Type.STRING, false, Type.ANY)),
      Map.entry("States.Array", new Signature(Type.ARRAY, true, Type.ANY)),
      Map.entry("States.ArrayPartition", new Signature(Type.ARRAY, false, Type.ARRAY, Type.NUMBER)),
      Map.entry("States.ArrayContains", new Signature(Type.BOOLEAN, false, Type.ARRAY, Type.ANY)),
      Map.entry("States.ArrayRange", new Signature(Type.ARRAY, false, Type.NUMBER, Type.NUMBER, Type.NUMBER)),
      Map.entry("States.ArrayGetItem", new Signature(Type.ANY, false, Type.ARRAY, Type.NUMBER)),
      Map.entry("States.ArrayLength", new Signature(Type.NUMBER, false, Type.ARRAY)),
      Map.entry("States.ArrayUnique", new Signature(Type.ARRAY, false, Type.ARRAY)),
      Map.entry("States.Base64Encode", new Signature(Type.STRING, false, Type.STRING)),
      Map.entry("States.Base64Decode", new Signature(Type.STRING, false, Type.STRING)),
      Map.entry("States.Hash", new Signature(Type.STRING, false, Type.ANY, Type.STRING)),
      Map.entry("States.JsonMerge", new Signature(Type.OBJECT, false, Type.OBJECT, Type.OBJECT, Type.BOOLEAN)),
      Map.entry("States.MathRandom", new Signature(Type.NUMBER, false, Type.NUMBER, Type.NUMBER, Type.NUMBER)),
      Map.entry("States.MathAdd", new Signature(Type.NUMBER, false, Type.NUMBER, Type.NUMBER)),
      Map.entry("States.StringSplit", new Signature(Type.ARRAY, false, Type.STRING, Type.STRING)),
      Map.entry("States.UUID", new Signature(Type.STRING, false)));

  private static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private IntrinsicArgumentTypes() {}

  /** Problems with literal arguments; empty when there are none or the text is not a call. */
  static List<String> check(String text) {
    if (!text.startsWith("States.")) {
      return List.of();
    }
    IntrinsicScanner.Call call = IntrinsicScanner.scan(text);
    if (call == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    check(call, problems);
    return problems;
  }

  private static void check(IntrinsicScanner.Call call, List<String> problems) {
    Signature sig = SIGNATURES.get(call.name());
    for (int i = 0; i < call.args().size(); i++) {
      IntrinsicScanner.Arg arg = call.args().get(i);
      if (arg.call() != null) {
        check(arg.call(), problems);
      }
      if (sig == null) {
        continue;
      }
      Type wanted = sig.param(i);
      Type given = typeOf(arg);
      if (wanted != Type.ANY && given != Type.ANY && given != wanted) {
        problems.add("argument " + (i + 1) + " of " + call.name() + " must be " + wanted.description);
      } else if (call.name().equals("States.Hash") && i == 1 && arg.literal() == Type.STRING
          && !HASH_ALGORITHMS.contains(arg.text())) {
        problems.add("argument 2 of States.Hash must be one of " + Site.quoteAll(HASH_ALGORITHMS));
      }
    }
  }

  /** A literal's type, a nested call's result type, or ANY for paths and null. */
  private static Type typeOf(IntrinsicScanner.Arg arg) {
    if (arg.call() != null) {
      Signature sig = SIGNATURES.get(arg.call().name());
      return sig == null ? Type.ANY : sig.result();
    }
    return arg.literal();
  }
}
