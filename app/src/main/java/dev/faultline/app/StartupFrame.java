package dev.faultline.app;

import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * What the window shows for the moment between appearing and the designer being built into it: the
 * top bar, the panel backgrounds and the status bar, in the theme's colours, so the window does not
 * flash a different layout.
 */
final class StartupFrame extends BorderPane {

  StartupFrame() {
    setId("startup-frame");
    Region top = new Region();
    top.getStyleClass().add("top-bar");
    top.setPrefHeight(40);
    Region status = new Region();
    status.getStyleClass().add("status-bar");
    status.setPrefHeight(26);
    Region palette = panel(MainStage.DEFAULT_WIDTH * PanelLayout.LEFT);
    Region inspector = panel(MainStage.DEFAULT_WIDTH * (1 - PanelLayout.RIGHT));
    Region canvas = new Region();
    canvas.getStyleClass().add("startup-canvas");
    setTop(top);
    setLeft(palette);
    setCenter(canvas);
    setRight(inspector);
    setBottom(status);
  }

  private static Region panel(double width) {
    Region panel = new Region();
    panel.getStyleClass().add("startup-panel");
    panel.setPrefWidth(width);
    return panel;
  }
}
