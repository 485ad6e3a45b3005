package dev.faultline.app.actions;

import java.util.Objects;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.input.KeyCombination;

/**
 * One command of the main window.
 *
 * @param id stable id, also the node id of its menu item ({@code save} → {@code #menu-save})
 * @param group where it belongs: the menu name and the cheat sheet section
 * @param text what menus and the command palette show; may change ({@code Undo Move 3 Steps})
 * @param accelerator its shortcut; {@code null}: none
 * @param disabled when it cannot run now
 * @param run what it does, on the FX thread
 */
public record AppAction(
    String id,
    String group,
    ObservableStringValue text,
    KeyCombination accelerator,
    ObservableBooleanValue disabled,
    Runnable run) {

  private static final ObservableBooleanValue NEVER = new SimpleBooleanProperty(false);

  public AppAction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(text, "text");
    disabled = disabled == null ? NEVER : disabled;
    Objects.requireNonNull(run, "run");
  }

  /** An always-enabled action with a fixed text. */
  public static AppAction of(
      String id, String group, String text, String accelerator, Runnable run) {
    return new AppAction(
        id,
        group,
        new SimpleStringProperty(text),
        accelerator == null ? null : KeyCombination.keyCombination(accelerator),
        null,
        run);
  }

  /** A copy that is disabled while {@code when} is true. */
  public AppAction disabledWhen(ObservableBooleanValue when) {
    return new AppAction(id, group, text, accelerator, when, run);
  }

  /** A copy whose text follows {@code newText}. */
  public AppAction withText(StringExpression newText) {
    return new AppAction(id, group, newText, accelerator, disabled, run);
  }

  /** The current text without mnemonic underscores: {@code _Save} → {@code Save}. */
  public String plainText() {
    return text.get().replace("_", "");
  }

  /** Runs the action unless it is disabled; returns whether it ran. */
  public boolean runIfEnabled() {
    if (disabled.get()) {
      return false;
    }
    run.run();
    return true;
  }

  /** The shortcut as the platform writes it ({@code Ctrl+S}), or empty. */
  public String shortcutText() {
    return accelerator == null ? "" : accelerator.getDisplayText();
  }
}
