package io.stepwise.server.protocol;

/** An operation's response: it writes its own members. */
public interface Response {
  /** The answer of operations whose output shape has no members: {@code {}}. */
  Response EMPTY = out -> {};

  void write(JsonOutput out);
}
