package dev.faultline.app;

import dev.faultline.app.connection.ClusterService;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Writes the screenshots in docs/ for the screenshot tests: a scene as PNG, optionally with popups
 * and dialogs drawn over it where they are on screen. A scene snapshot holds only its own window,
 * so a menu or a confirmation dialog would otherwise be missing from the picture.
 */
public final class ScreenCapture {

  /** docs/, seen from the module directory Maven runs the tests in. */
  public static final Path DOCS = Path.of("..", "docs");

  private ScreenCapture() {}

  /**
   * Shows the real main window on {@code stage} at the size every docs screenshot has (1400×860),
   * connected through {@code clusters}, and waits until its cluster is live.
   */
  static MainWindow showLive(
      FxRobot robot, Stage stage, LaunchOptions options, ClusterService clusters) {
    AtomicReference<MainWindow> shown = new AtomicReference<>();
    robot.interact(
        () -> {
          shown.set(MainStage.show(stage, options, new FxTaskExecutor(), clusters));
          stage.setWidth(1400);
          stage.setHeight(860);
        });
    MainWindow window = shown.get();
    Await.until(
        90, "the sandbox is live", () -> window.connection().liveClusterProperty().get() != null);
    return window;
  }

  /** Saves {@code scene}'s content as {@code docs/NAME}. */
  public static void save(FxRobot robot, Scene scene, String name) throws Exception {
    save(robot, scene, List.of(), name);
  }

  /**
   * Saves {@code scene}'s content with each of {@code overlays} (popups, dialogs) drawn at its
   * place relative to the scene, kept inside the picture, with a thin border for dialogs as a
   * window manager would draw one.
   */
  public static void save(FxRobot robot, Scene scene, List<Window> overlays, String name)
      throws Exception {
    AtomicReference<BufferedImage> picture = new AtomicReference<>();
    robot.interact(
        () -> {
          BufferedImage base = image(scene.getRoot().snapshot(null, null));
          Graphics2D g = base.createGraphics();
          double originX = scene.getWindow().getX() + scene.getX();
          double originY = scene.getWindow().getY() + scene.getY();
          for (Window overlay : overlays) {
            if (!overlay.isShowing() || overlay.getScene() == null) {
              continue;
            }
            Scene top = overlay.getScene();
            // Transparent around a popup's rounded corners and shadow, as on screen.
            SnapshotParameters clear = new SnapshotParameters();
            clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
            BufferedImage image = image(top.getRoot().snapshot(clear, null));
            int x = (int) Math.round(overlay.getX() + top.getX() - originX);
            int y = (int) Math.round(overlay.getY() + top.getY() - originY);
            x = Math.clamp(x, 0, Math.max(0, base.getWidth() - image.getWidth()));
            y = Math.clamp(y, 0, Math.max(0, base.getHeight() - image.getHeight()));
            g.drawImage(image, x, y, null);
            if (overlay instanceof javafx.stage.Stage) {
              g.setColor(new Color(0, 0, 0, 90));
              g.drawRect(x - 1, y - 1, image.getWidth() + 1, image.getHeight() + 1);
            }
          }
          g.dispose();
          picture.set(base);
        });
    write(picture.get(), DOCS.resolve(name));
  }

  /** Writes an already taken snapshot as {@code file}. */
  public static void write(WritableImage image, Path file) throws Exception {
    write(image(image), file);
  }

  private static void write(BufferedImage image, Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  private static BufferedImage image(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    var pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return out;
  }
}
