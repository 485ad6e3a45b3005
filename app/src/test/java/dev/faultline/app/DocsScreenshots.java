package dev.faultline.app;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.prefs.ThemeChoice;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the screenshots in docs/: the real window with the freeze/kill/recover example open, a
 * step selected and the YAML view showing, in the light and the dark theme. Run with {@code
 * -Pscreenshots}; not part of the test run.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class DocsScreenshots {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Path EXAMPLE = DOCS.resolve("examples/checkout-freeze-and-recover.yaml");

  private Stage stage;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window =
        MainStage.show(stage, LaunchOptions.NONE, new FxTaskExecutor(), new FakeClusterService());
    stage.setWidth(1400);
    stage.setHeight(860);
  }

  @Test
  void mainWindowLightAndDark(FxRobot robot) throws Exception {
    robot.interact(() -> window.viewModel().open(EXAMPLE));
    Await.until(() -> window.viewModel().document().experiment().spec().steps().size() == 4);
    robot.interact(
        () -> {
          window.viewModel().selection().select("until-unhealthy");
          robot.lookup("#bottom-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
          window.canvas().zoomToFit();
        });
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-main-window.png");

    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.DARK));
    WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
    save(robot, "screenshot-main-window-dark.png");
    robot.interact(() -> window.theme().choiceProperty().set(ThemeChoice.LIGHT));
  }

  private void save(FxRobot robot, String name) throws Exception {
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = stage.getScene().getRoot().snapshot(null, null));
    Files.createDirectories(DOCS);
    int width = (int) image[0].getWidth();
    int height = (int) image[0].getHeight();
    var out =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    var pixels = image[0].getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    javax.imageio.ImageIO.write(out, "png", DOCS.resolve(name).toFile());
  }
}
