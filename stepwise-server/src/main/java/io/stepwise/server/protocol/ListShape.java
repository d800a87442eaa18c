package io.stepwise.server.protocol;

/**
 * A list member's length bounds (null when open) and the model name of its items, which AWS
 * prints when it quotes a list of structures in a message.
 */
public record ListShape(Integer min, Integer max, String itemName) {
  public static ListShape of(Integer min, Integer max, String itemName) {
    return new ListShape(min, max, itemName);
  }
}
