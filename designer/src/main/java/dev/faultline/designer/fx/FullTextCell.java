package dev.faultline.designer.fx;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A text cell whose tooltip holds its whole text: narrow columns shorten long values with an
 * ellipsis, and the tooltip is how the rest stays readable without widening the column.
 *
 * @param <S> the row type
 */
public class FullTextCell<S> extends TableCell<S, String> {
  private final Tooltip tooltip = new Tooltip();

  /** A cell for {@code TableColumn.setCellFactory(column -> new FullTextCell<>())}. */
  public FullTextCell() {
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(480);
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null || item.isEmpty()) {
      setText(null);
      setTooltip(null);
    } else {
      setText(item);
      tooltip.setText(item);
      setTooltip(tooltip);
    }
  }
}
