package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import java.util.HashMap;
import java.util.Map;

/** The intrinsic functions of the States language, with the number of arguments each takes. */
enum Intrinsic {
  FORMAT("States.Format", 1, Integer.MAX_VALUE, FormatFunction::format),
  STRING_TO_JSON("States.StringToJson", 1, 1, JsonFunctions::stringToJson),
  JSON_TO_STRING("States.JsonToString", 1, 1, JsonFunctions::jsonToString),
  ARRAY("States.Array", 0, Integer.MAX_VALUE, ArrayFunctions::array),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2, ArrayFunctions::partition),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2, ArrayFunctions::contains),
  ARRAY_RANGE("States.ArrayRange", 3, 3, ArrayFunctions::range),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, ArrayFunctions::getItem),
  ARRAY_LENGTH("States.ArrayLength", 1, 1, ArrayFunctions::length),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1, ArrayFunctions::unique),
  BASE64_ENCODE("States.Base64Encode", 1, 1, EncodingFunctions::base64Encode),
  BASE64_DECODE("States.Base64Decode", 1, 1, EncodingFunctions::base64Decode),
  HASH("States.Hash", 2, 2, EncodingFunctions::hash),
  JSON_MERGE("States.JsonMerge", 3, 3, JsonFunctions::merge),
  MATH_RANDOM("States.MathRandom", 2, 3, MathFunctions::random),
  MATH_ADD("States.MathAdd", 2, 2, MathFunctions::add),
  STRING_SPLIT("States.StringSplit", 2, 2, StringFunctions::split),
  UUID("States.UUID", 0, 0, StringFunctions::uuid);

  /** A function's body, given its evaluated arguments. */
  @FunctionalInterface
  interface Body {
    JsonNode apply(Args args, Scope scope);
  }

  private static final Map<String, Intrinsic> BY_NAME = new HashMap<>();

  static {
    for (Intrinsic f : values()) {
      BY_NAME.put(f.fullName, f);
    }
  }

  final String fullName;
  final int minArgs;
  final int maxArgs;
  private final Body body;

  Intrinsic(String fullName, int minArgs, int maxArgs, Body body) {
    this.fullName = fullName;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
    this.body = body;
  }

  /** The function called {@code States.<name>}, or null. */
  static Intrinsic named(String fullName) {
    return BY_NAME.get(fullName);
  }

  JsonNode apply(Arg.Call call, JsonNode[] values, Scope scope) {
    return body.apply(new Args(call, values), scope);
  }

  @Override
  public String toString() {
    return fullName;
  }
}
