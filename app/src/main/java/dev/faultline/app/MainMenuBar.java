package dev.faultline.app;

import java.util.Objects;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menus: File, Edit, Help.
 *
 * <p>Items whose feature has not landed yet (saving, undo, the format reference) are shown but
 * disabled, so the menu layout and shortcuts are settled now.
 */
final class MainMenuBar extends MenuBar {

  /** What the enabled items do; supplied by the window, which knows the stage. */
  record Actions(Runnable newExperiment, Runnable open, Runnable quit, Runnable about) {
    Actions {
      Objects.requireNonNull(newExperiment, "newExperiment");
      Objects.requireNonNull(open, "open");
      Objects.requireNonNull(quit, "quit");
      Objects.requireNonNull(about, "about");
    }
  }

  MainMenuBar(Actions actions) {
    getMenus().addAll(fileMenu(actions), editMenu(), helpMenu(actions));
  }

  private static Menu fileMenu(Actions actions) {
    Menu file = menu("_File", "file-menu");
    file.getItems()
        .addAll(
            item("_New", "Shortcut+N", actions.newExperiment()),
            item("_Open\u2026", "Shortcut+O", actions.open()),
            // Disabled until the experiment writer exists; there is nothing to save yet.
            disabled(item("_Save", "Shortcut+S", null)),
            disabled(item("Save _As\u2026", "Shortcut+Shift+S", null)),
            new SeparatorMenuItem(),
            item("_Quit", "Shortcut+Q", actions.quit()));
    return file;
  }

  private static Menu editMenu() {
    Menu edit = menu("_Edit", "edit-menu");
    // Disabled until the designer brings a document with an undo history.
    edit.getItems()
        .addAll(
            disabled(item("_Undo", "Shortcut+Z", null)),
            disabled(item("_Redo", "Shortcut+Shift+Z", null)));
    return edit;
  }

  private static Menu helpMenu(Actions actions) {
    Menu help = menu("_Help", "help-menu");
    help.getItems()
        .addAll(
            // Disabled until the format reference is written (docs/).
            disabled(item("_Format reference", null, null)),
            new SeparatorMenuItem(),
            item("_About Faultline", null, actions.about()));
    return help;
  }

  private static Menu menu(String text, String id) {
    Menu menu = new Menu(text);
    menu.setId(id);
    return menu;
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    if (action != null) {
      item.setOnAction(event -> action.run());
    }
    return item;
  }

  private static MenuItem disabled(MenuItem item) {
    item.setDisable(true);
    return item;
  }
}
