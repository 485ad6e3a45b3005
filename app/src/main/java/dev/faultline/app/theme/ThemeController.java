package dev.faultline.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.prefs.ThemeChoice;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Applies the AtlantaFX Primer theme, light or dark, as chosen; with {@link ThemeChoice#SYSTEM} it
 * follows the operating system's colour scheme live. The theme is the JavaFX user-agent stylesheet,
 * global to the runtime, so there is one controller per app.
 */
public final class ThemeController {

  private final ObservableValue<ColorScheme> system;
  private final ObjectProperty<ThemeChoice> choice =
      new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM);
  private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");

  /** Follows {@link Platform#getPreferences()}; call on the FX thread. */
  public ThemeController() {
    this(Platform.getPreferences().colorSchemeProperty());
  }

  ThemeController(ObservableValue<ColorScheme> system) {
    this.system = system;
    choice.addListener((obs, old, now) -> apply());
    system.addListener((obs, old, now) -> apply());
    apply();
  }

  /** The user's choice; changing it switches the theme at once. */
  public ObjectProperty<ThemeChoice> choiceProperty() {
    return choice;
  }

  /** Whether the dark theme is showing. */
  public ReadOnlyBooleanProperty darkProperty() {
    return dark.getReadOnlyProperty();
  }

  private void apply() {
    ThemeChoice current = choice.get() == null ? ThemeChoice.SYSTEM : choice.get();
    boolean isDark = current.isDark(system.getValue());
    dark.set(isDark);
    Application.setUserAgentStylesheet(
        isDark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }
}
