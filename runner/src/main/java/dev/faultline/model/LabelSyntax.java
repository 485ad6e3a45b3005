package dev.faultline.model;

/**
 * The Kubernetes rules for label keys and values ({@code IsQualifiedName} and {@code
 * IsValidLabelValue} in k8s.io/apimachinery), written as plain loops so that no input can make them
 * slow.
 */
final class LabelSyntax {
  static final int NAME_MAX = 63;
  static final int PREFIX_MAX = 253;
  static final int VALUE_MAX = 63;

  /**
   * Why a key or value breaks the rules.
   *
   * @param reason what is wrong, phrased to follow "label key 'x' is invalid: "
   * @param offset where in the key or value the problem is
   */
  record Problem(String reason, int offset) {}

  private LabelSyntax() {}

  /** The first problem with a label key ({@code [prefix/]name}), or {@code null} if it is valid. */
  static Problem keyProblem(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return nameProblem(key, 0, "it");
    }
    int secondSlash = key.indexOf('/', slash + 1);
    if (secondSlash >= 0) {
      return new Problem("a key may contain only one '/', between prefix and name", secondSlash);
    }
    Problem prefix = prefixProblem(key.substring(0, slash));
    return prefix != null ? prefix : nameProblem(key.substring(slash + 1), slash + 1, "the name");
  }

  /** The first problem with a label value, or {@code null} if it is valid (empty is valid). */
  static Problem valueProblem(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > VALUE_MAX) {
      return tooLong("it", value, VALUE_MAX, 0);
    }
    return nameCharsProblem(value, 0, "it");
  }

  /**
   * Parses a whole decimal number the way Go's {@code strconv.ParseInt(s, 10, 64)} does: an
   * optional sign and ASCII digits only, within 64 bits.
   *
   * @return the number, or {@code null} if the text is not one
   */
  static Long parseInteger(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return null;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException outOfRange) {
      return null;
    }
  }

  /** Shortens long texts in messages so one bad 300-character token does not flood them. */
  static String abbreviate(String text) {
    return text.length() <= 70 ? text : text.substring(0, 60) + "...";
  }

  /** Quotes a character for a message; invisible ones are shown by code point. */
  static String describe(int codePoint) {
    if (Character.isISOControl(codePoint)
        || Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return "'" + Character.toString(codePoint) + "'";
  }

  private static Problem nameProblem(String name, int base, String subject) {
    if (name.isEmpty()) {
      return new Problem("the name after '/' is empty", base);
    }
    if (name.length() > NAME_MAX) {
      return tooLong(subject, name, NAME_MAX, base);
    }
    return nameCharsProblem(name, base, subject);
  }

  // Names and values share one alphabet: [A-Za-z0-9] at both ends, also [-_.] inside.
  private static Problem nameCharsProblem(String text, int base, String subject) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return new Problem(
            subject + " may only contain letters, digits, '-', '_' and '.', found " + describe(c),
            base + i);
      }
      i += Character.charCount(c);
    }
    if (!isAlphanumeric(text.charAt(0))) {
      return new Problem(subject + " must start with a letter or digit", base);
    }
    if (!isAlphanumeric(text.charAt(text.length() - 1))) {
      return new Problem(subject + " must end with a letter or digit", base + text.length() - 1);
    }
    return null;
  }

  // A lowercase RFC 1123 subdomain: dot-separated labels of [a-z0-9-] that start and end with
  // [a-z0-9].
  private static Problem prefixProblem(String prefix) {
    if (prefix.isEmpty()) {
      return new Problem("the prefix before '/' is empty", 0);
    }
    if (prefix.length() > PREFIX_MAX) {
      return tooLong("the prefix", prefix, PREFIX_MAX, 0);
    }
    for (int i = 0; i < prefix.length(); ) {
      int c = prefix.codePointAt(i);
      if (!isLowerAlphanumeric(c) && c != '-' && c != '.') {
        return new Problem(
            "the prefix is a DNS subdomain and may only contain lowercase letters, digits, '-'"
                + " and '.', found "
                + describe(c),
            i);
      }
      i += Character.charCount(c);
    }
    int labelStart = 0;
    for (int i = 0; i <= prefix.length(); i++) {
      if (i == prefix.length() || prefix.charAt(i) == '.') {
        Problem label = subdomainLabelProblem(prefix, labelStart, i);
        if (label != null) {
          return label;
        }
        labelStart = i + 1;
      }
    }
    return null;
  }

  private static Problem subdomainLabelProblem(String prefix, int start, int end) {
    String rule = "each dot-separated part of the prefix must start and end with a letter or digit";
    if (start == end) {
      return new Problem(rule + ", found an empty part", Math.min(start, prefix.length() - 1));
    }
    if (!isLowerAlphanumeric(prefix.charAt(start))) {
      return new Problem(rule, start);
    }
    if (!isLowerAlphanumeric(prefix.charAt(end - 1))) {
      return new Problem(rule, end - 1);
    }
    return null;
  }

  private static Problem tooLong(String subject, String text, int max, int base) {
    return new Problem(
        subject + " is " + text.length() + " characters long, the limit is " + max, base);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLowerAlphanumeric(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'z');
  }

  private static boolean isAlphanumeric(int c) {
    return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
  }
}
