package dev.faultline.app.catalog;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;

/** Colours a status line as an error (the theme's {@code danger} style) while a flag is set. */
final class ErrorStyle {
  static final String DANGER = "danger";

  private ErrorStyle() {}

  static void follow(Label label, ObservableBooleanValue error) {
    error.addListener((obs, old, now) -> apply(label, now));
    apply(label, error.get());
  }

  private static void apply(Label label, boolean error) {
    label.getStyleClass().remove(DANGER);
    if (error) {
      label.getStyleClass().add(DANGER);
    }
  }
}
