package dev.faultline.designer.run.log;

import dev.faultline.designer.run.RunEventSink;
import dev.faultline.engine.RunEvent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Every event of a run as a readable line: time since start, a kind badge, the step and a sentence.
 * Filter by text ({@code #event-filter}, any column, any case) and by kind ({@code #event-kinds});
 * probe samples show only when they fail or change state unless {@code #event-all-samples} is on.
 * The table is virtualised, follows the newest line unless the user scrolled up, and copies the
 * selected lines with Ctrl+C.
 *
 * <p>Feed it with {@link #accept} on the FX thread; add {@link #stylesheet()} to the scene.
 */
public final class EventLogView extends Region implements RunEventSink {

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  private final EventLogViewModel model;
  private final TableView<LogLine> table = new TableView<>();
  private final TextField filter = new TextField();
  private final Label count = new Label();
  private final Button jumpToNewest = new Button("↓ Newest");
  private final ReadOnlyBooleanWrapper followingNewest =
      new ReadOnlyBooleanWrapper(this, "followingNewest", true);
  private final VBox content;
  private boolean scrollingToNewest;

  /** An empty log with its own view model. */
  public EventLogView() {
    this(new EventLogViewModel());
  }

  /** A log showing {@code model}'s lines. */
  public EventLogView(EventLogViewModel model) {
    this.model = Objects.requireNonNull(model);
    setId("event-log");
    getStyleClass().add("event-log");

    filter.setId("event-filter");
    filter.setPromptText("Filter events");
    filter.getStyleClass().add("event-filter");
    filter.textProperty().bindBidirectional(model.filterTextProperty());

    HBox kinds = new HBox();
    kinds.setId("event-kinds");
    kinds.getStyleClass().add("event-kinds");
    LogCategory[] all = LogCategory.values();
    for (int i = 0; i < all.length; i++) {
      kinds
          .getChildren()
          .add(
              kindToggle(
                  all[i],
                  i == 0 ? "left-pill" : i == all.length - 1 ? "right-pill" : "center-pill"));
    }
    ToggleButton samples = new ToggleButton("All samples");
    samples.setId("event-all-samples");
    samples.getStyleClass().add("all-samples");
    samples.selectedProperty().bindBidirectional(model.allSamplesProperty());

    count.getStyleClass().add("event-count");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // Two rows that wrap: the log may sit in a narrow side panel, and no filter may be cut off.
    for (var pill : kinds.getChildren()) {
      ((Region) pill).setMinWidth(Region.USE_PREF_SIZE);
    }
    samples.setMinWidth(Region.USE_PREF_SIZE);
    HBox search = new HBox(8, filter, spacer, count);
    search.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(filter, Priority.ALWAYS);
    FlowPane toggles = new FlowPane(8, 6, kinds, samples);
    toggles.setAlignment(Pos.CENTER_LEFT);
    VBox toolbar = new VBox(6, search, toggles);
    toolbar.getStyleClass().add("event-toolbar");

    buildTable();
    jumpToNewest.getStyleClass().addAll("jump-to-newest", "accent");
    jumpToNewest.setOnAction(e -> scrollToNewest());
    jumpToNewest.visibleProperty().bind(followingNewest.not());
    jumpToNewest.setFocusTraversable(false);
    StackPane tableArea = new StackPane(table, jumpToNewest);
    StackPane.setAlignment(jumpToNewest, Pos.BOTTOM_RIGHT);
    VBox.setVgrow(tableArea, Priority.ALWAYS);
    content = new VBox(toolbar, tableArea);
    getChildren().add(content);

    model.visibleLines().addListener((ListChangeListener<LogLine>) c -> updateCount());
    model.totalProperty().addListener((obs, o, n) -> updateCount());
    updateCount();
  }

  /** The stylesheet for the log's toolbar, badges and rows; add it to the scene once. */
  public static String stylesheet() {
    return Objects.requireNonNull(EventLogView.class.getResource("log.css")).toExternalForm();
  }

  @Override
  public void accept(List<RunEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    model.accept(batch);
    if (followingNewest.get()) {
      scrollToNewest();
    }
  }

  /** The view model: lines, filters. */
  public EventLogViewModel model() {
    return model;
  }

  /** The table of visible lines. */
  public TableView<LogLine> table() {
    return table;
  }

  /** Whether the log scrolls to each new line (false once the user scrolled up). */
  public ReadOnlyBooleanProperty followingNewestProperty() {
    return followingNewest.getReadOnlyProperty();
  }

  /** Puts the selected lines on the clipboard as text; returns that text. */
  public String copySelection() {
    String text = EventLogViewModel.copyText(table.getSelectionModel().getSelectedItems());
    if (!text.isEmpty()) {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    }
    return text;
  }

  /** Shows the newest line and follows new lines again. */
  public void scrollToNewest() {
    followingNewest.set(true);
    int size = table.getItems().size();
    if (size > 0) {
      scrollingToNewest = true;
      try {
        table.scrollTo(size - 1);
      } finally {
        scrollingToNewest = false;
      }
    }
  }

  private ToggleButton kindToggle(LogCategory category, String pill) {
    ToggleButton toggle = new ToggleButton(category.title());
    toggle.getStyleClass().addAll(pill, "kind-" + category.name().toLowerCase(Locale.ROOT));
    toggle.setUserData(category);
    toggle.setSelected(model.categories().contains(category));
    toggle
        .selectedProperty()
        .addListener(
            (obs, o, on) -> {
              if (on) {
                model.categories().add(category);
              } else {
                model.categories().remove(category);
              }
            });
    return toggle;
  }

  private void buildTable() {
    table.getStyleClass().addAll("event-table", "dense");
    table.setItems(model.visibleLines());
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No events yet"));
    table.setFixedCellSize(24);

    TableColumn<LogLine, String> time = textColumn("Time", LogLine::time, 108, "time-cell");
    // "+01:02.345" must stay readable when the log sits in a narrow side panel: ten characters
    // of the theme's 14 px font plus the cell padding (84 px cut it to "+00:0...").
    time.setMinWidth(104);
    TableColumn<LogLine, LogLine> kind = new TableColumn<>("Kind");
    kind.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    kind.setCellFactory(c -> new BadgeCell());
    // The widest badge, "PROBE", must show whole.
    kind.setPrefWidth(86);
    kind.setMinWidth(84);
    kind.setSortable(false);
    TableColumn<LogLine, String> step = textColumn("Step", LogLine::stepId, 130, "step-cell");
    step.setMinWidth(70);
    TableColumn<LogLine, String> message =
        textColumn("Message", LogLine::message, 480, "message-cell");
    table.getColumns().setAll(List.of(time, kind, step, message));

    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(LogLine line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(ERROR, !empty && line != null && line.error());
              }
            });
    table.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (COPY.match(e)) {
            copySelection();
            e.consume();
          }
        });
    MenuItem copy = new MenuItem("Copy");
    copy.setAccelerator(COPY);
    copy.setOnAction(e -> copySelection());
    table.setContextMenu(new ContextMenu(copy));

    // Follow the newest line until the user scrolls away from the bottom; back at the bottom,
    // follow again. Only the user's gestures count: the flow moves its scroll bar itself too.
    Runnable check = () -> javafx.application.Platform.runLater(this::updateFollowing);
    table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> check.run());
    table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> check.run());
    table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> check.run());
    table.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> check.run());
  }

  private void updateFollowing() {
    if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
      followingNewest.set(table.getItems().isEmpty() || flow.getPosition() >= 1 - 1e-6);
    }
  }

  private static final javafx.css.PseudoClass ERROR =
      javafx.css.PseudoClass.getPseudoClass("error");

  private static TableColumn<LogLine, String> textColumn(
      String title,
      java.util.function.Function<LogLine, String> text,
      double width,
      String styleClass) {
    TableColumn<LogLine, String> column = new TableColumn<>(title);
    column.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    column.setPrefWidth(width);
    column.setSortable(false);
    column.getStyleClass().add(styleClass);
    return column;
  }

  private void updateCount() {
    int shown = model.visibleLines().size();
    int all = model.totalProperty().get();
    count.setText(shown == all ? all + " events" : shown + " of " + all + " events");
  }

  @Override
  protected void layoutChildren() {
    content.resizeRelocate(0, 0, getWidth(), getHeight());
  }

  @Override
  protected double computePrefWidth(double height) {
    return content.prefWidth(height);
  }

  @Override
  protected double computePrefHeight(double width) {
    return content.prefHeight(width);
  }

  /** The kind word in a coloured pill. */
  private static final class BadgeCell extends TableCell<LogLine, LogLine> {
    private final Label badge = new Label();

    BadgeCell() {
      badge.getStyleClass().add("badge");
      setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
      super.updateItem(line, empty);
      if (empty || line == null) {
        setGraphic(null);
        return;
      }
      badge.setText(line.badge());
      badge.getStyleClass().setAll("badge", "badge-" + line.badge().toLowerCase(Locale.ROOT));
      if (line.error()) {
        badge.getStyleClass().add("badge-error");
      }
      setGraphic(badge);
    }
  }
}
