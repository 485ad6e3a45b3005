package dev.faultline.designer.palette;

import dev.faultline.designer.document.StepTemplate;
import dev.faultline.icons.Icons;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * An icon of the icon set drawn with its stroke convention at a given size, coloured by step kind
 * through the style classes {@code step-icon attack|probe|flow}.
 */
public final class StepIcon {

  private StepIcon() {}

  /**
   * The glyph {@code iconId} (or the generic step glyph when the id is unknown), {@code size}
   * pixels square.
   */
  public static Node of(String iconId, StepTemplate.Kind kind, double size) {
    SVGPath path = new SVGPath();
    path.setContent(Icons.svgPath(iconId).or(() -> Icons.svgPath("wait")).orElse(""));
    path.getStyleClass().addAll("step-icon", styleClass(kind));
    path.setFill(null);
    path.setStrokeWidth(Icons.STROKE_WIDTH);
    path.setStrokeLineCap(StrokeLineCap.ROUND);
    path.setStrokeLineJoin(StrokeLineJoin.ROUND);
    // The transparent view box keeps every glyph on the same grid, however far its strokes reach.
    Rectangle viewBox = new Rectangle(Icons.VIEW_BOX, Icons.VIEW_BOX, Color.TRANSPARENT);
    Group glyph = new Group(viewBox, path);
    double scale = size / Icons.VIEW_BOX;
    glyph.setScaleX(scale);
    glyph.setScaleY(scale);
    // The outer group lays out by the scaled bounds, so the icon takes exactly `size` pixels.
    Group sized = new Group(glyph);
    sized.setMouseTransparent(true);
    return sized;
  }

  /** {@code attack}, {@code probe} or {@code flow}. */
  public static String styleClass(StepTemplate.Kind kind) {
    return switch (kind) {
      case ATTACK -> "attack";
      case PROBE -> "probe";
      case WAIT, GATE -> "flow";
    };
  }
}
