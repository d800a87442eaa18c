package io.stepwise.asl.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A loaded, validated and compiled state machine definition.
 *
 * @param graph the top-level states
 * @param timeoutSeconds the execution timeout, or null
 * @param definition the definition text as given
 * @param definitionSha256 the SHA-256 of the definition text, hex: what an execution records of
 *     the definition it runs, so it is never resumed under another
 */
public record StateMachine(
    StateGraph graph, String comment, Integer timeoutSeconds, QueryLanguage queryLanguage, String definition, String definitionSha256) {

  public StateMachine(StateGraph graph, String comment, Integer timeoutSeconds, QueryLanguage queryLanguage, String definition) {
    this(graph, comment, timeoutSeconds, queryLanguage, definition, sha256(definition));
  }

  /** Hex SHA-256 of the text's UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
