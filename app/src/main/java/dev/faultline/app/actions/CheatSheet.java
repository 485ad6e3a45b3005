package dev.faultline.app.actions;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The keyboard cheat sheet ({@code ?}): every action with a shortcut, by group, and the canvas
 * gestures that have no menu item.
 */
public final class CheatSheet {

  /** Keys that work anywhere in the window and are not menu items. */
  static final List<String[]> GENERAL_KEYS =
      List.of(
          new String[] {"?", "Show this cheat sheet"},
          new String[] {"F6", "Move the keyboard focus to the canvas"},
          new String[] {"Tab, Shift+Tab", "Move between palette, canvas, inspector and views"});

  /** Canvas keys and gestures, which are not menu items. */
  static final List<String[]> CANVAS_KEYS =
      List.of(
          new String[] {"Arrow keys", "Move the focus to the nearest step in that direction"},
          new String[] {"Shift+Arrow keys", "Move the selected steps one grid step"},
          new String[] {"Drag a palette entry", "Add that step where you drop it"},
          new String[] {"Drag from a step's right port", "Connect it to another step"},
          new String[] {"Drag on empty canvas", "Select the steps in the rectangle"},
          new String[] {"Ctrl+click", "Add or remove a step from the selection"},
          new String[] {"Ctrl+wheel, pinch", "Zoom around the mouse"},
          new String[] {"Wheel, middle drag, Space+drag", "Pan"},
          new String[] {"Alt while dragging", "Do not snap to the grid"},
          new String[] {"Esc", "Cancel a drag or the connect mode"});

  private CheatSheet() {}

  /** The rows shown, group by group: shortcut then description (for tests). */
  public static Map<String, List<String[]>> rows(List<AppAction> actions) {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    for (AppAction action : actions) {
      if (action.accelerator() != null) {
        rows.computeIfAbsent(action.group(), g -> new java.util.ArrayList<>())
            .add(new String[] {action.shortcutText(), action.plainText()});
      }
    }
    rows.put("General", GENERAL_KEYS);
    rows.put("Canvas", CANVAS_KEYS);
    return rows;
  }

  /** Shows the cheat sheet as a dialog over {@code owner}. */
  public static void show(Window owner, List<AppAction> actions) {
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(4);
    grid.setPadding(new Insets(4, 8, 4, 8));
    int row = 0;
    for (var group : rows(actions).entrySet()) {
      Label header = new Label(group.getKey());
      header.getStyleClass().add(Styles.TITLE_4);
      header.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
      grid.add(header, 0, row++, 2, 1);
      for (String[] entry : group.getValue()) {
        Label keys = new Label(entry[0]);
        keys.getStyleClass().add(Styles.TEXT_BOLD);
        keys.setStyle("-fx-font-family: monospace;");
        grid.add(keys, 0, row);
        grid.add(new Label(entry[1]), 1, row++);
      }
    }
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(520);
    Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
    alert.initOwner(owner);
    alert.setTitle("Keyboard Shortcuts");
    alert.setHeaderText("Keyboard shortcuts");
    alert.getDialogPane().setContent(scroll);
    alert.getDialogPane().setId("cheat-sheet");
    alert.setResizable(true);
    alert.show();
  }
}
