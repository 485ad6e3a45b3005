package dev.faultline.designer.yaml;

import dev.faultline.validate.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The gutter left of each line: the line number, and a marker on lines with problems whose tooltip
 * lists them. Built per visible line by the code area; replaced whenever the problems change.
 */
final class LineGutter implements IntFunction<Node> {

  /** A digit's advance, in em: 0.60 in the monospaced fonts yaml.css asks for, ~0.64 in sans. */
  private static final double DIGIT_EM = 0.66;

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
    // a proportional one: give every number the width of the widest, in em of the font in use, so
    // every gutter, "9" or "10", has one width and the text columns align. In em the size comes
    // with the same CSS pass as the font: no second layout that would rebuild the visible lines.
    String width = String.format(Locale.ROOT, "%.2fem", digits * DIGIT_EM);
    number.setStyle(
        "-fx-min-width: " + width + "; -fx-pref-width: " + width + "; -fx-max-width: " + width);
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

  /** The lines with problems; for tests. */
  Map<Integer, List<Problem>> byLine() {
    return byLine;
  }
}
