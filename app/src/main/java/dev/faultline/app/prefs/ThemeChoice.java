package dev.faultline.app.prefs;

/** The theme the user picked: follow the operating system, or always light or dark. */
public enum ThemeChoice {
  SYSTEM,
  LIGHT,
  DARK
}
