package dev.faultline.app;

import dev.faultline.icons.Icons;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The experiment canvas, empty for now: a dot grid with a centred hint naming the open file.
 *
 * <p>A placeholder for the designer's canvas, which will take this place in the window.
 */
final class CanvasArea extends StackPane {

  private static final double GLYPH_SCALE = 2;

  CanvasArea(MainViewModel viewModel) {
    setId("canvas-area");
    getStyleClass().add("canvas-area");

    Label hint = new Label();
    hint.getStyleClass().add("canvas-hint");
    hint.textProperty().bind(viewModel.canvasHintProperty());

    Label detail = new Label();
    detail.getStyleClass().add("canvas-detail");
    detail.textProperty().bind(viewModel.canvasDetailProperty());
    // No empty gap under the hint when there is nothing to say.
    detail.managedProperty().bind(detail.textProperty().isNotEmpty());
    detail.visibleProperty().bind(detail.managedProperty());

    VBox center = new VBox(glyph("manifest"), hint, detail);
    center.getStyleClass().add("canvas-center");
    center.setAlignment(Pos.CENTER);
    center.setMouseTransparent(true);

    getChildren().addAll(new DotGrid(), center);
  }

  /** An icon drawn with the icon set's stroke convention, scaled up for the empty state. */
  private static Group glyph(String id) {
    SVGPath path = new SVGPath();
    path.setContent(Icons.svgPath(id).orElseThrow());
    path.getStyleClass().add("canvas-glyph");
    path.setStrokeWidth(Icons.STROKE_WIDTH);
    path.setStrokeLineCap(StrokeLineCap.ROUND);
    path.setStrokeLineJoin(StrokeLineJoin.ROUND);
    path.setScaleX(GLYPH_SCALE);
    path.setScaleY(GLYPH_SCALE);
    // A Group sizes to the scaled bounds, so the VBox leaves room for the whole glyph.
    return new Group(path);
  }
}
