package dev.faultline.cli;

import java.util.Set;

/** Checks names given for generated Java code before they end up in a file that cannot compile. */
final class JavaNames {
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

  private JavaNames() {}

  /** {@code CheckoutChaosTest} or {@code com.acme.CheckoutChaosTest}. */
  static boolean isQualifiedName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String part) {
    if (part.isEmpty()
        || RESERVED.contains(part)
        || !Character.isJavaIdentifierStart(part.charAt(0))) {
      return false;
    }
    return part.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }
}
