package dev.faultline.validate;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles a regex and explains why it does not compile, with the offset of the mistake. */
final class RegexCheck {
  private RegexCheck() {}

  record RegexError(String message, int index) {}

  static Optional<RegexError> check(String regex) {
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      int index = Math.max(0, e.getIndex());
      return Optional.of(
          new RegexError(
              "invalid regex '" + regex + "': " + e.getDescription() + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""),
              Math.min(index, regex.length())));
    }
  }
}
