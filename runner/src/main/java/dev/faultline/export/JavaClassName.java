package dev.faultline.export;

import java.util.Set;

/**
 * Checks a class name the user gives for a generated Java test ({@code --class} in the CLI, the
 * Export dialog's field) before it ends up in a file that cannot compile.
 */
public final class JavaClassName {
  private static final Set<String> RESERVED =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "_");

  /** Restricted identifiers: fine in a package name, not as the name of a class. */
  private static final Set<String> NOT_A_TYPE_NAME =
      Set.of("var", "yield", "record", "sealed", "permits");

  private JavaClassName() {}

  /** Whether {@code name} is {@code CheckoutChaosTest} or {@code com.acme.CheckoutChaosTest}. */
  public static boolean isValid(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return !NOT_A_TYPE_NAME.contains(parts[parts.length - 1]);
  }

  private static boolean isIdentifier(String part) {
    if (part.isEmpty()
        || RESERVED.contains(part)
        || !Character.isJavaIdentifierStart(part.charAt(0))) {
      return false;
    }
    return part.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }

  /**
   * {@code options} with the package and class of {@code qualifiedName} ({@code
   * com.acme.CheckoutChaosTest}: package {@code com.acme}, none when it has no dot).
   *
   * @throws IllegalArgumentException when it is not {@link #isValid valid}
   */
  public static ExportOptions applyTo(ExportOptions options, String qualifiedName) {
    if (!isValid(qualifiedName)) {
      throw new IllegalArgumentException(
          "'" + qualifiedName + "' is not a Java class name (e.g. com.acme.CheckoutChaosTest)");
    }
    int dot = qualifiedName.lastIndexOf('.');
    return options.withJavaClass(
        dot < 0 ? null : qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
  }
}
