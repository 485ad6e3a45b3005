package dev.faultline.app;

import dev.faultline.app.actions.AppAction;
import dev.faultline.app.prefs.ThemeChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The main window's menus, built from the window's {@link AppAction}s so that menus, the command
 * palette and the cheat sheet show the same commands and shortcuts.
 */
final class MainMenuBar extends MenuBar {

  /** A separator in a menu layout. */
  static final String SEPARATOR = "-";

  /** The panels View › Show toggles, by action id. */
  record PanelToggle(String id, String text, String accelerator, BooleanProperty shown) {}

  MainMenuBar(
      Map<String, AppAction> actions,
      Supplier<List<Path>> recentFiles,
      Consumer<Path> openRecent,
      Runnable clearRecent,
      List<PanelToggle> panels,
      ObjectProperty<ThemeChoice> theme) {
    Menu file =
        menu(
            "_File",
            "file-menu",
            actions,
            "new",
            "open",
            "open-recent",
            "open-from-catalog",
            SEPARATOR,
            "save",
            "save-as",
            "save-to-catalog",
            "revert",
            SEPARATOR,
            "import",
            "export",
            SEPARATOR,
            "quit");
    Menu recent = new Menu("Open _Recent");
    recent.setId("menu-open-recent");
    // Filled when shown: the list lives in a file other windows may change.
    recent.setOnShowing(event -> fillRecent(recent, recentFiles.get(), openRecent, clearRecent));
    recent.getItems().add(new MenuItem("(none)"));
    file.getItems().set(indexOf(file, "menu-open-recent-placeholder"), recent);

    Menu edit =
        menu(
            "_Edit",
            "edit-menu",
            actions,
            "undo",
            "redo",
            SEPARATOR,
            "cut",
            "copy",
            "paste",
            "duplicate",
            "delete",
            SEPARATOR,
            "select-all",
            "connect");
    Menu view =
        menu(
            "_View",
            "view-menu",
            actions,
            "zoom-in",
            "zoom-out",
            "zoom-reset",
            "zoom-fit",
            SEPARATOR,
            "auto-layout",
            SEPARATOR);
    for (PanelToggle panel : panels) {
      CheckMenuItem item = new CheckMenuItem(panel.text());
      item.setId("menu-" + panel.id());
      item.selectedProperty().bindBidirectional(panel.shown());
      if (panel.accelerator() != null) {
        item.setAccelerator(javafx.scene.input.KeyCombination.keyCombination(panel.accelerator()));
      }
      view.getItems().add(item);
    }
    view.getItems().addAll(new SeparatorMenuItem(), themeMenu(theme));
    Menu run =
        menu(
            "_Run",
            "run-menu",
            actions,
            "run",
            "dry-run",
            SEPARATOR,
            "emergency-stop",
            "pause-resume",
            "cancel-run",
            "active-runs",
            SEPARATOR,
            "run-chaos-mesh",
            "run-workflow-file");
    Menu help =
        menu(
            "_Help",
            "help-menu",
            actions,
            "command-palette",
            "shortcuts",
            SEPARATOR,
            "check-updates",
            SEPARATOR,
            "about");
    getMenus().addAll(file, edit, view, run, help);
  }

  private static Menu menu(String text, String id, Map<String, AppAction> actions, String... ids) {
    Menu menu = new Menu(text);
    menu.setId(id);
    for (String itemId : ids) {
      if (itemId.equals(SEPARATOR)) {
        menu.getItems().add(new SeparatorMenuItem());
      } else if (itemId.equals("open-recent")) {
        MenuItem placeholder = new MenuItem();
        placeholder.setId("menu-open-recent-placeholder");
        menu.getItems().add(placeholder);
      } else {
        menu.getItems().add(item(actions.get(itemId)));
      }
    }
    return menu;
  }

  static MenuItem item(AppAction action) {
    MenuItem item = new MenuItem();
    item.setId("menu-" + action.id());
    item.textProperty().bind(action.text());
    item.setAccelerator(action.accelerator());
    item.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> action.disabled().get(), action.disabled()));
    item.setOnAction(event -> action.run().run());
    return item;
  }

  /** Puts {@code item} right after the item with id {@code afterId} in the menu {@code menuId}. */
  void insertAfter(String menuId, String afterId, MenuItem item) {
    for (Menu menu : getMenus()) {
      if (menuId.equals(menu.getId())) {
        menu.getItems().add(indexOf(menu, afterId) + 1, item);
        return;
      }
    }
    throw new IllegalStateException(menuId);
  }

  private static int indexOf(Menu menu, String id) {
    for (int i = 0; i < menu.getItems().size(); i++) {
      if (id.equals(menu.getItems().get(i).getId())) {
        return i;
      }
    }
    throw new IllegalStateException(id);
  }

  private static void fillRecent(
      Menu recent, List<Path> files, Consumer<Path> openRecent, Runnable clearRecent) {
    recent.getItems().clear();
    if (files.isEmpty()) {
      MenuItem none = new MenuItem("No recent experiments");
      none.setDisable(true);
      recent.getItems().add(none);
      return;
    }
    for (Path path : files) {
      Path name = path.getFileName();
      MenuItem item = new MenuItem((name == null ? path : name) + "  \u2014  " + path.getParent());
      // No mnemonic parsing: file names contain underscores.
      item.setMnemonicParsing(false);
      item.setOnAction(event -> openRecent.accept(path));
      recent.getItems().add(item);
    }
    MenuItem clear = new MenuItem("Clear Recent");
    clear.setOnAction(event -> clearRecent.run());
    recent.getItems().addAll(new SeparatorMenuItem(), clear);
  }

  private static Menu themeMenu(ObjectProperty<ThemeChoice> theme) {
    Menu menu = new Menu("_Theme");
    menu.setId("menu-theme");
    ToggleGroup group = new ToggleGroup();
    for (ThemeChoice choice : ThemeChoice.values()) {
      RadioMenuItem item = new RadioMenuItem(choice.label());
      item.setId("menu-theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
      item.setToggleGroup(group);
      item.setSelected(theme.get() == choice);
      item.setOnAction(event -> theme.set(choice));
      theme.addListener((obs, old, now) -> item.setSelected(now == choice));
      menu.getItems().add(item);
    }
    return menu;
  }
}
