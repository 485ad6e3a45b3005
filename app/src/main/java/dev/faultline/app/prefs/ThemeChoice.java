package dev.faultline.app.prefs;

import javafx.application.ColorScheme;

/** The theme the user picked: follow the operating system, or always light or dark. */
public enum ThemeChoice {
  /** Light or dark as the operating system says, switching when it does. */
  SYSTEM,
  LIGHT,
  DARK;

  /** Whether this choice shows the dark theme while the system uses {@code system}. */
  public boolean isDark(ColorScheme system) {
    return switch (this) {
      case SYSTEM -> system == ColorScheme.DARK;
      case LIGHT -> false;
      case DARK -> true;
    };
  }

  /** The menu text. */
  public String label() {
    return switch (this) {
      case SYSTEM -> "Follow System";
      case LIGHT -> "Light";
      case DARK -> "Dark";
    };
  }
}
