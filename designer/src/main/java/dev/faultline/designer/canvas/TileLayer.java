package dev.faultline.designer.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The tiles of a frame as image nodes under the canvas. When the tiles are shown at their own
 * scale, the scene graph copies each image straight to the screen, where blitting them onto the
 * {@code Canvas} would copy every pixel twice (into the canvas's texture, then to the screen); the
 * canvas above stays hidden unless a gesture draws on it. Stretched tiles during a zoom still go
 * through the canvas, whose nearest-neighbour scaling the software pipeline does much faster.
 */
final class TileLayer extends Pane {

  /** Where one tile goes, in the view's coordinates (points). */
  record Placement(Image image, double x, double y, double width, double height) {}

  private final List<ImageView> views = new ArrayList<>();
  private final Rectangle clip = new Rectangle();

  TileLayer() {
    setManaged(false);
    setMouseTransparent(true);
    setClip(clip);
  }

  /** Shows exactly these tiles in a view of the given size. */
  void show(List<Placement> placements, double width, double height) {
    clip.setWidth(width);
    clip.setHeight(height);
    while (views.size() < placements.size()) {
      ImageView view = new ImageView();
      view.setManaged(false);
      views.add(view);
      getChildren().add(view);
    }
    for (int i = 0; i < views.size(); i++) {
      ImageView view = views.get(i);
      if (i >= placements.size()) {
        view.setVisible(false);
        view.setImage(null);
        continue;
      }
      Placement p = placements.get(i);
      view.setImage(p.image());
      view.setLayoutX(p.x());
      view.setLayoutY(p.y());
      view.setFitWidth(p.width());
      view.setFitHeight(p.height());
      view.setVisible(true);
    }
    setVisible(true);
  }

  void hide() {
    setVisible(false);
  }
}
