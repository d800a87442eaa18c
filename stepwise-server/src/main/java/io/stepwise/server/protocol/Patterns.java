package io.stepwise.server.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Model patterns compiled once each (there are a handful), not on every request. */
final class Patterns {
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Patterns() {}

  static Pattern get(String regex) {
    return COMPILED.computeIfAbsent(regex, Pattern::compile);
  }
}
