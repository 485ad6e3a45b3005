package dev.faultline.designer.inspector;

import dev.faultline.icons.Icons;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Small stroked glyphs for the inspector and the problems view, drawn with the icon set's
 * convention (stroke, round caps, no fill) so they match the palette and the canvas. Colours come
 * from the stylesheet, so they follow the light and dark themes.
 */
public final class Glyphs {

  /** A circle with a cross, in the icon set's 24×24 box. */
  private static final String ERROR = "M12 3 A9 9 0 1 1 11.99 3 Z M9 9 L15 15 M15 9 L9 15";

  /** A triangle with an exclamation mark. */
  private static final String WARNING = "M12 3.5 L21.5 20 H2.5 Z M12 10 V14 M12 17 H12.01";

  private Glyphs() {}

  /** The icon with {@code id} at {@code size} pixels; an empty group when the set has none. */
  public static Node icon(String id, double size, String styleClass) {
    return Icons.svgPath(id).map(path -> stroked(path, size, styleClass)).orElseGet(Group::new);
  }

  /** The error or warning sign at text size. */
  public static Node severity(boolean error) {
    return stroked(error ? ERROR : WARNING, 12, error ? "glyph-error" : "glyph-warning");
  }

  private static Node stroked(String content, double size, String styleClass) {
    SVGPath path = new SVGPath();
    path.setContent(content);
    path.getStyleClass().addAll("glyph", styleClass);
    path.setStrokeWidth(Icons.STROKE_WIDTH);
    path.setStrokeLineCap(StrokeLineCap.ROUND);
    path.setStrokeLineJoin(StrokeLineJoin.ROUND);
    double scale = size / Icons.VIEW_BOX;
    path.setScaleX(scale);
    path.setScaleY(scale);
    // A Group sizes to the scaled bounds, so layouts leave room for exactly the glyph.
    return new Group(path);
  }
}
