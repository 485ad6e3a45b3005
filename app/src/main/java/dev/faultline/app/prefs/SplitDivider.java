package dev.faultline.app.prefs;

import java.util.Locale;
import java.util.Optional;

/** The main window's split-pane dividers whose positions are remembered. */
public enum SplitDivider {
  /** Between the palette and the canvas. */
  LEFT,
  /** Between the canvas and the inspector. */
  RIGHT,
  /** Between the canvas and the problems/text panels below. */
  BOTTOM;

  /** The name in the settings file: {@code left}, {@code right}, {@code bottom}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<SplitDivider> ofKey(String key) {
    for (SplitDivider divider : values()) {
      if (divider.key().equals(key)) {
        return Optional.of(divider);
      }
    }
    return Optional.empty();
  }
}
