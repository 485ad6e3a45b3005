package dev.faultline.app.prefs;

import java.util.Locale;
import java.util.Optional;

/** The main window's panels that View can show or hide. */
public enum Panel {
  PALETTE,
  INSPECTOR,
  PROBLEMS,
  YAML;

  /** The name in the settings file: {@code palette}, {@code inspector}… */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Panel> ofKey(String key) {
    for (Panel panel : values()) {
      if (panel.key().equals(key)) {
        return Optional.of(panel);
      }
    }
    return Optional.empty();
  }
}
