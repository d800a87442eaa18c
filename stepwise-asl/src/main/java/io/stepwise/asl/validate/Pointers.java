package io.stepwise.asl.validate;

/** JSON Pointer (RFC 6901) building. */
final class Pointers {
  private Pointers() {}

  static String child(String pointer, String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return pointer + "/" + key;
    }
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
