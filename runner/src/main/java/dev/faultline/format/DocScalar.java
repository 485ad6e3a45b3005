package dev.faultline.format;

/**
 * A scalar value: String, Long, Double, Boolean or {@code null}.
 *
 * @param quoted whether the source wrote it in quotes (the text starts one column later)
 */
public record DocScalar(Object value, int line, int column, boolean quoted) implements DocNode {
  @Override
  public String describe() {
    return switch (value) {
      case null -> "null";
      case String s -> "a string";
      case Boolean b -> "a boolean";
      case Long l -> "an integer";
      case Number n -> "a number";
      default -> "a value";
    };
  }

  @Override
  public Object toPlain() {
    return value;
  }

  /** How far the text of the value is from the node's column: 1 for a quoted scalar. */
  public int contentOffset() {
    return quoted ? 1 : 0;
  }
}
