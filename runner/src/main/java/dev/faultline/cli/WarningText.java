package dev.faultline.cli;

import dev.faultline.export.ConversionWarning;

/**
 * Prints a {@link ConversionWarning} as {@code FILE:LINE:COL: warning: PATH: message}, the form
 * {@code validate} uses, so editors and CI annotate both alike; line and column are left out when
 * unknown.
 */
final class WarningText {
  private WarningText() {}

  static String of(String file, ConversionWarning warning) {
    String where = warning.line() > 0 ? file + ":" + warning.line() + ":" + warning.column() : file;
    String path = warning.path().isEmpty() ? "" : warning.path() + ": ";
    return where + ": warning: " + path + warning.message();
  }

  /** {@code no warnings}, {@code 1 warning}, {@code 3 warnings}. */
  static String count(int warnings) {
    return switch (warnings) {
      case 0 -> "no warnings";
      case 1 -> "1 warning";
      default -> warnings + " warnings";
    };
  }
}
