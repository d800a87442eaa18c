package io.stepwise.integrations.dynamodb.expressions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document path, {@code a.b[2].c}: its elements with every {@code #name} already replaced by
 * the name it stands for.
 */
public record Path(List<Element> elements) {
  public sealed interface Element {}

  public record Name(String name) implements Element {}

  public record Index(int index) implements Element {}

  public String top() {
    return ((Name) elements.get(0)).name();
  }

  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** Whether one path is the other or lies inside it ({@code a} and {@code a.b}). */
  boolean overlaps(Path other) {
    int n = Math.min(elements.size(), other.elements.size());
    return elements.subList(0, n).equals(other.elements.subList(0, n));
  }

  /** As DynamoDB prints a path in a message: {@code [a, b, [2]]}. */
  String shown() {
    return elements.stream().map(e -> e instanceof Name name ? name.name() : "[" + ((Index) e).index() + "]")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
