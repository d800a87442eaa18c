package io.stepwise.asl.json;

/** JSON Pointer (RFC 6901) building: what every problem, difference and graph node is located by. */
public final class JsonPointers {
  private JsonPointers() {}

  /** A key as a pointer token: {@code ~} written {@code ~0}, {@code /} written {@code ~1}. */
  public static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of a key under {@code pointer}. */
  public static String child(String pointer, String key) {
    return pointer + "/" + escape(key);
  }

  /** The pointer of an array element under {@code pointer}. */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
