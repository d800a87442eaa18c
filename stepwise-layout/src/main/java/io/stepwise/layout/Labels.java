package io.stepwise.layout;

/** How wide text is estimated to be, and how much of a long label is drawn; shared so the layout reserves what the renderers draw. */
public final class Labels {
  /** Longer edge labels (a Choice rule can be a paragraph) are cut here, with an ellipsis. */
  public static final int MAX_VISIBLE = 40;

  static final double CHAR_WIDTH = 7;
  static final double EDGE_CHAR_WIDTH = 6;
  static final double NODE_FONT_SIZE = 12;
  static final double EDGE_FONT_SIZE = 10;

  private Labels() {}

  /** The part of an edge label that is drawn: the label itself, or its first characters and an ellipsis. */
  public static String visible(String label) {
    if (label == null || label.length() <= MAX_VISIBLE) {
      return label;
    }
    int cut = MAX_VISIBLE - 1;
    if (Character.isHighSurrogate(label.charAt(cut - 1))) {
      cut--; // never half a character: a lone surrogate is not text an SVG may hold
    }
    return label.substring(0, cut) + "…";
  }

  static double nodeTextWidth(String text) {
    return text.length() * CHAR_WIDTH;
  }

  static double edgeTextWidth(String text) {
    return text.length() * EDGE_CHAR_WIDTH;
  }
}
