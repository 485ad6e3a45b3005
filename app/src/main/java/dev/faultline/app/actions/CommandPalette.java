package dev.faultline.app.actions;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The command palette (Ctrl/Cmd+Shift+P): a search field over every action of the window and every
 * step the palette offers; Enter runs the highlighted one, Esc closes.
 */
public final class CommandPalette {

  static final double WIDTH = 560;
  static final int VISIBLE_ROWS = 12;

  private final Supplier<List<AppAction>> actions;
  private final Popup popup = new Popup();
  private final TextField query = new TextField();
  private final ObservableList<AppAction> shown = FXCollections.observableArrayList();
  private final ListView<AppAction> list = new ListView<>(shown);

  /**
   * @param actions everything the palette offers, asked anew each time it opens (texts such as
   *     "Undo Move 3 Steps" and enabled states change)
   */
  public CommandPalette(Supplier<List<AppAction>> actions) {
    this.actions = actions;
    query.setId("command-palette-query");
    query.setPromptText("Type a command or a step to add\u2026");
    query.getStyleClass().add(Styles.LARGE);
    list.setId("command-palette-list");
    list.setPrefHeight(VISIBLE_ROWS * 32 + 4);
    list.setCellFactory(view -> new ActionCell());
    list.setFocusTraversable(false);
    list.setOnMouseClicked(
        event -> {
          if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 1) {
            runSelected();
          }
        });
    query.textProperty().addListener((obs, old, now) -> filter(now));
    query.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

    VBox box = new VBox(6, query, list);
    box.getStyleClass().add("command-palette");
    box.setPrefWidth(WIDTH);
    box.setStyle(
        "-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 8; -fx-background-radius: 8; -fx-padding: 8;"
            + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 18, 0, 0, 4);");
    popup.getContent().add(box);
    popup.setAutoHide(true);
    popup.setHideOnEscape(true);
  }

  /** Opens the palette near the top of {@code owner}'s window, centred, with an empty query. */
  public void show(Node owner) {
    Window window = owner.getScene().getWindow();
    query.clear();
    filter("");
    Bounds bounds = owner.localToScreen(owner.getLayoutBounds());
    double x = bounds.getMinX() + (bounds.getWidth() - WIDTH) / 2;
    double y = bounds.getMinY() + 56;
    popup.show(window, x, y);
    query.requestFocus();
  }

  public boolean isShowing() {
    return popup.isShowing();
  }

  public void hide() {
    popup.hide();
  }

  /** The actions shown for the current query, best first (for tests). */
  public List<AppAction> shown() {
    return List.copyOf(shown);
  }

  /** Types into the query (for tests and for opening with a prefilled query). */
  public void setQuery(String text) {
    query.setText(text);
  }

  private void filter(String text) {
    shown.setAll(ActionMatcher.rank(actions.get(), text));
    if (!shown.isEmpty()) {
      list.getSelectionModel().select(0);
      list.scrollTo(0);
    }
  }

  private void onKey(KeyEvent event) {
    int index = list.getSelectionModel().getSelectedIndex();
    switch (event.getCode()) {
      case DOWN -> select(Math.min(index + 1, shown.size() - 1));
      case UP -> select(Math.max(index - 1, 0));
      case PAGE_DOWN -> select(Math.min(index + VISIBLE_ROWS, shown.size() - 1));
      case PAGE_UP -> select(Math.max(index - VISIBLE_ROWS, 0));
      case ENTER -> runSelected();
      case ESCAPE -> hide();
      default -> {
        return;
      }
    }
    event.consume();
  }

  private void select(int index) {
    if (index >= 0) {
      list.getSelectionModel().select(index);
      list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
    }
  }

  /** Runs the highlighted action after closing, so it acts on the window, not the popup. */
  public void runSelected() {
    AppAction action = list.getSelectionModel().getSelectedItem();
    if (action == null || action.disabled().get()) {
      return;
    }
    hide();
    action.run().run();
  }

  private static final class ActionCell extends ListCell<AppAction> {
    private final Label text = new Label();
    private final Label group = new Label();
    private final Label shortcut = new Label();
    private final HBox row;

    ActionCell() {
      group.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      shortcut.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      Region spring = new Region();
      HBox.setHgrow(spring, Priority.ALWAYS);
      row = new HBox(8, group, text, spring, shortcut);
      row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(AppAction action, boolean empty) {
      super.updateItem(action, empty);
      if (empty || action == null) {
        setGraphic(null);
        return;
      }
      group.setText(action.group());
      text.setText(action.plainText());
      shortcut.setText(action.shortcutText());
      setDisable(action.disabled().get());
      setGraphic(row);
      setAccessibleText(
          action.group()
              + ": "
              + action.plainText()
              + (action.shortcutText().isEmpty() ? "" : ", " + action.shortcutText()));
    }
  }
}
