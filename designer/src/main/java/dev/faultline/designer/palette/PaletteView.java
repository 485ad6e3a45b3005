package dev.faultline.designer.palette;

import atlantafx.base.controls.CustomTextField;
import dev.faultline.catalog.Catalog;
import dev.faultline.designer.document.StepTemplate;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left-hand palette: a search field over the catalog's attacks and probes plus wait and gate,
 * grouped under headers. Drag an entry onto the canvas, or double-click it or press Enter to have
 * {@code activate} add it.
 *
 * <p>Keys: Ctrl+F or Ctrl+K (Cmd on macOS) focus the search field while the palette has focus; Down
 * moves from the search field into the list; Enter in the search field adds the first match; Escape
 * clears the search.
 *
 * <p>Add {@link #stylesheet()} to the scene.
 */
public final class PaletteView extends VBox {

  private static final KeyCombination FIND =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination QUICK_FIND =
      new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

  private final PaletteViewModel viewModel;
  private final Consumer<StepTemplate> activate;
  private final CustomTextField search = new CustomTextField();
  private final ListView<PaletteRow> list = new ListView<>();

  /**
   * @param catalog the attacks and probes to offer
   * @param activate adds a step of the template at a free spot (double-click or Enter)
   */
  public PaletteView(Catalog catalog, Consumer<StepTemplate> activate) {
    this.viewModel = new PaletteViewModel(catalog);
    this.activate = Objects.requireNonNull(activate, "activate");
    setId("palette");
    getStyleClass().add("palette");

    search.setId("palette-search");
    search.getStyleClass().add("palette-search");
    search.setPromptText("Search attacks and probes");
    search.setAccessibleText("Search attacks and probes");
    search.textProperty().bindBidirectional(viewModel.queryProperty());
    search.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    search.setRight(clearButton());

    list.setId("palette-list");
    list.getStyleClass().add("palette-list");
    list.setAccessibleText("Attacks, probes and flow steps");
    list.setItems(viewModel.rows());
    list.setCellFactory(view -> new PaletteCell());
    Label empty = new Label();
    empty.getStyleClass().add("palette-empty");
    empty.setWrapText(true);
    empty.textProperty().bind(viewModel.emptyMessageProperty());
    list.setPlaceholder(empty);
    list.getSelectionModel()
        .selectedIndexProperty()
        .addListener((obs, old, now) -> skipHeader(old.intValue(), now.intValue()));
    list.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
    list.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onListClick);
    VBox.setVgrow(list, Priority.ALWAYS);

    addEventFilter(KeyEvent.KEY_PRESSED, this::onShortcut);
    getChildren().addAll(search, list);
  }

  /** A small cross in the field that clears the search; shown only while there is a query. */
  private Button clearButton() {
    Button clear = new Button("\u2715");
    clear.getStyleClass().addAll("palette-search-clear", "flat");
    clear.setFocusTraversable(false);
    clear.setAccessibleText("Clear search");
    clear.setOnAction(event -> search.clear());
    clear.visibleProperty().bind(search.textProperty().isNotEmpty());
    return clear;
  }

  /** The stylesheet the palette needs; add it to the scene (or a parent) once. */
  public static String stylesheet() {
    return Objects.requireNonNull(PaletteView.class.getResource("palette.css")).toExternalForm();
  }

  /** The palette's state: query and shown rows. */
  public PaletteViewModel viewModel() {
    return viewModel;
  }

  /** Moves the keyboard focus to the search field and selects its text. */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  private void onShortcut(KeyEvent event) {
    if (FIND.match(event) || QUICK_FIND.match(event)) {
      focusSearch();
      event.consume();
    }
  }

  private void onSearchKey(KeyEvent event) {
    switch (event.getCode()) {
      case DOWN -> {
        if (viewModel.firstMatch().isPresent()) {
          list.requestFocus();
          selectFirstEntry();
        }
        event.consume();
      }
      case ENTER -> {
        viewModel.firstMatch().ifPresent(entry -> activate.accept(entry.template()));
        event.consume();
      }
      case ESCAPE -> {
        if (!search.getText().isEmpty()) {
          search.clear();
          event.consume();
        }
      }
      default -> {}
    }
  }

  private void onListKey(KeyEvent event) {
    if (event.getCode() == KeyCode.ENTER && selectedEntry() != null) {
      activate.accept(selectedEntry().template());
      event.consume();
    } else if (event.getCode() == KeyCode.UP && list.getSelectionModel().getSelectedIndex() <= 1) {
      // Above the first entry there is only its header: go back to the search field.
      focusSearch();
      event.consume();
    }
  }

  private void onListClick(MouseEvent event) {
    if (event.getButton() == MouseButton.PRIMARY
        && event.getClickCount() == 2
        && selectedEntry() != null) {
      activate.accept(selectedEntry().template());
    }
  }

  private PaletteEntry selectedEntry() {
    return list.getSelectionModel().getSelectedItem() instanceof PaletteEntry entry ? entry : null;
  }

  private void selectFirstEntry() {
    viewModel
        .firstMatch()
        .ifPresent(
            entry -> {
              int index = list.getItems().indexOf(entry);
              list.getSelectionModel().clearAndSelect(index);
              list.getFocusModel().focus(index);
              list.scrollTo(Math.max(0, index - 1));
            });
  }

  /** Keeps the selection on entries: arrow keys step over headers in the direction they move. */
  private void skipHeader(int old, int now) {
    if (now < 0 || !(list.getItems().get(now) instanceof PaletteRow.Header)) {
      return;
    }
    int step = now >= old ? 1 : -1;
    int target = now + step;
    if (target < 0 || target >= list.getItems().size()) {
      target = now - step;
    }
    if (target >= 0 && target < list.getItems().size()) {
      int index = target;
      // Not from inside the selection listener: the selection model is mid-change there.
      javafx.application.Platform.runLater(
          () -> {
            list.getSelectionModel().clearAndSelect(index);
            list.getFocusModel().focus(index);
          });
    }
  }
}
