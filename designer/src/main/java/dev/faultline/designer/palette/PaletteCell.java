package dev.faultline.designer.palette;

import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Draws a palette row: a group header, or an entry with icon, title, muted id and tooltip. Entries
 * are drag sources for the canvas.
 */
final class PaletteCell extends ListCell<PaletteRow> {

  static final double ICON_SIZE = 20;
  private static final double TOOLTIP_WIDTH = 340;

  PaletteCell() {
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    addEventHandler(MouseEvent.DRAG_DETECTED, this::startDrag);
  }

  @Override
  protected void updateItem(PaletteRow row, boolean empty) {
    super.updateItem(row, empty);
    getStyleClass().removeAll("palette-header", "palette-entry");
    setText(null);
    setTooltip(null);
    setAccessibleText(null);
    setMouseTransparent(false);
    if (empty || row == null) {
      setGraphic(null);
      return;
    }
    switch (row) {
      case PaletteRow.Header header -> showHeader(header);
      case PaletteEntry entry -> showEntry(entry);
    }
  }

  private void showHeader(PaletteRow.Header header) {
    getStyleClass().add("palette-header");
    Label title = new Label(header.title());
    title.getStyleClass().add("palette-header-title");
    setGraphic(title);
    setAccessibleText(header.title());
    // Headers are not things to pick: clicks fall through and never select them.
    setMouseTransparent(true);
  }

  private void showEntry(PaletteEntry entry) {
    getStyleClass().add("palette-entry");
    Label title = new Label(entry.title());
    title.getStyleClass().add("palette-entry-title");
    Label id = new Label(entry.id());
    id.getStyleClass().add("palette-entry-id");
    VBox text = new VBox(title, id);
    text.getStyleClass().add("palette-entry-text");
    HBox box = new HBox(StepIcon.of(entry.iconId(), entry.template().kind(), ICON_SIZE), text);
    box.getStyleClass().add("palette-entry-box");
    box.setAlignment(Pos.CENTER_LEFT);
    setGraphic(box);
    setAccessibleText(entry.accessibleText());

    Tooltip tooltip = new Tooltip(entry.tooltipText());
    tooltip.getStyleClass().add("palette-tooltip");
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(TOOLTIP_WIDTH);
    tooltip.setShowDelay(Duration.millis(500));
    tooltip.setShowDuration(Duration.seconds(30));
    setTooltip(tooltip);
  }

  private void startDrag(MouseEvent event) {
    if (!(getItem() instanceof PaletteEntry entry) || isEmpty()) {
      return;
    }
    Dragboard dragboard = startDragAndDrop(TransferMode.COPY);
    dragboard.setContent(PaletteDrag.content(entry.template()));
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setFill(Color.TRANSPARENT);
    dragboard.setDragView(snapshot(parameters, null), event.getX(), event.getY());
    event.consume();
  }
}
