package dev.faultline.validate;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles a regex and explains why it does not compile, with the offset of the mistake. */
final class RegexCheck {
  private RegexCheck() {}

  record RegexError(String message, int index) {}

  private static String where(int index, String regex) {
    if (index < 0) {
      return "";
    }
    return index >= regex.length() ? " at the end" : " at position " + (index + 1);
  }

  static Optional<RegexError> check(String regex) {
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      int index = Math.max(0, e.getIndex());
      return Optional.of(
          new RegexError(
              "invalid regex '" + regex + "': " + e.getDescription() + where(e.getIndex(), regex),
              Math.min(index, regex.length())));
    }
  }
}
