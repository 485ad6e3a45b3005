package dev.faultline.sandbox.api;

/**
 * What each Table row carries besides its cells: the {@code includeObject} query parameter. kubectl
 * leaves it out (so {@link #METADATA}, which is enough for {@code --show-labels} and the NAMESPACE
 * column) except with {@code --sort-by}, where it asks for {@link #OBJECT} to evaluate the path.
 */
public enum IncludeObject {
  /** No object in the rows. */
  NONE,
  /** A {@code PartialObjectMetadata} with the object's metadata: the apiserver's default. */
  METADATA,
  /** The whole object. */
  OBJECT;

  /**
   * Reads the query parameter as kube-apiserver does: absent or empty means {@link #METADATA}, the
   * three values are case-sensitive.
   *
   * @throws IllegalArgumentException for any other value; the apiserver answers 400 with this
   *     message
   */
  public static IncludeObject fromQuery(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    return switch (value) {
      case "None" -> NONE;
      case "Metadata" -> METADATA;
      case "Object" -> OBJECT;
      default ->
          throw new IllegalArgumentException("unrecognized includeObject value: \"" + value + "\"");
    };
  }
}
