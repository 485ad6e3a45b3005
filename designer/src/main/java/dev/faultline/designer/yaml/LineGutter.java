package dev.faultline.designer.yaml;

import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The gutter left of each line: the line number, and a marker on lines with problems whose tooltip
 * lists them. Built per visible line by the code area; replaced whenever the problems change.
 */
final class LineGutter implements IntFunction<Node> {

  private final Map<Integer, List<Problem>> byLine;
  private final int digits;

  /**
   * @param problems the problems to mark, positioned in the shown text
   * @param lineCount how many lines the text has, to size the numbers alike
   */
  LineGutter(List<Problem> problems, int lineCount) {
    this.byLine =
        problems.stream()
            .filter(Problem::hasPosition)
            .collect(Collectors.groupingBy(Problem::line));
    this.digits = Math.max(2, String.valueOf(lineCount).length());
  }

  @Override
  public Node apply(int paragraph) {
    int line = paragraph + 1;
    Label number = new Label(String.valueOf(line));
    number.getStyleClass().add("line-number");
    number.setAlignment(Pos.CENTER_RIGHT);
    // Padding with spaces only aligns in a monospaced font, and the CSS font list may fall back to
    // a proportional one: measure the widest number in the font actually used instead, so every
    // gutter, "9" or "10", has one width and the text columns align.
    fitWidestNumber(number);
    number.fontProperty().addListener((o, old, now) -> fitWidestNumber(number));
    number.paddingProperty().addListener((o, old, now) -> fitWidestNumber(number));
    Region marker = new Region();
    marker.getStyleClass().add("line-marker");
    List<Problem> problems = byLine.get(line);
    if (problems != null) {
      boolean error = problems.stream().anyMatch(Problem::isError);
      marker.getStyleClass().add(error ? "error" : "warning");
      Tooltip tooltip =
          new Tooltip(
              problems.stream()
                  .map(p -> (p.isError() ? "Error: " : "Warning: ") + p.message())
                  .collect(Collectors.joining("\n")));
      tooltip.setWrapText(true);
      tooltip.setMaxWidth(420);
      tooltip.setShowDelay(Duration.millis(200));
      Tooltip.install(marker, tooltip);
      number.setTooltip(tooltip);
    }
    HBox gutter = new HBox(number, marker);
    gutter.getStyleClass().add("line-gutter");
    gutter.setAlignment(Pos.CENTER_LEFT);
    return gutter;
  }

  private void fitWidestNumber(Label number) {
    Text widest = new Text("8".repeat(digits));
    widest.setFont(number.getFont());
    double width =
        Math.ceil(widest.getLayoutBounds().getWidth())
            + number.getPadding().getLeft()
            + number.getPadding().getRight();
    number.setMinWidth(width);
    number.setPrefWidth(width);
    number.setMaxWidth(width);
  }

  /** The lines with problems; for tests. */
  Map<Integer, List<Problem>> byLine() {
    return byLine;
  }
}
