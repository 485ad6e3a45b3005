package dev.faultline.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A quiet dot grid that fills its bounds, the backdrop of the experiment canvas.
 *
 * <p>Drawn on a {@link Canvas} because CSS cannot tile a pattern in two directions; it repaints
 * only when its size changes.
 */
final class DotGrid extends Region {

  static final double SPACING = 20;
  private static final double DOT = 2;
  // Grey with alpha reads as a faint texture on both light and dark backgrounds.
  private static final Color DOT_COLOR = Color.rgb(110, 119, 129, 0.35);

  private final Canvas canvas = new Canvas();

  DotGrid() {
    getStyleClass().add("dot-grid");
    getChildren().add(canvas);
    setMouseTransparent(true);
  }

  @Override
  protected void layoutChildren() {
    double width = snapSizeX(getWidth());
    double height = snapSizeY(getHeight());
    if (width != canvas.getWidth() || height != canvas.getHeight()) {
      canvas.setWidth(width);
      canvas.setHeight(height);
      paint();
    }
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.setFill(DOT_COLOR);
    for (double y = SPACING; y < canvas.getHeight(); y += SPACING) {
      for (double x = SPACING; x < canvas.getWidth(); x += SPACING) {
        g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
      }
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0; // fills whatever it is given; never asks for room
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }
}
