package dev.faultline.app;

import dev.faultline.icons.LogoRasterizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The window and taskbar icon: the Faultline logo at the sizes window managers pick from.
 *
 * <p>The images are rendered off the FX thread with the icons module's Java2D rasteriser and copied
 * into JavaFX images, then set on the stage with a single {@link Platform#runLater}: start-up never
 * waits for them, and the window shows the platform's default icon for the moment before.
 */
final class AppIcon {

  /** The sizes set on the stage; the window manager chooses the nearest for title bar and dock. */
  static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

  private static final System.Logger LOG = System.getLogger(AppIcon.class.getName());

  private AppIcon() {}

  /**
   * Renders the icons on a background thread and sets them on {@code stage} on the FX thread. Call
   * it once the window is on screen, so the rendering does not compete with building it.
   *
   * @return completes, on the FX thread, once the icons are set; a failure to render is logged and
   *     leaves the default icon
   */
  static CompletableFuture<List<Image>> install(Stage stage) {
    return install(stage, AppIcon::render, AppIcon::startDaemon, Platform::runLater);
  }

  /** {@link #install(Stage)} with the renderer and the threads given, for tests. */
  static CompletableFuture<List<Image>> install(
      Stage stage,
      Supplier<List<Image>> renderer,
      Executor background,
      Consumer<Runnable> fxThread) {
    CompletableFuture<List<Image>> done = new CompletableFuture<>();
    CompletableFuture.supplyAsync(renderer, background)
        .whenComplete(
            (images, failure) -> {
              if (failure != null) {
                // A cosmetic feature: a runtime image without java.desktop must still start.
                LOG.log(System.Logger.Level.WARNING, "Could not render the window icon", failure);
                done.completeExceptionally(failure);
                return;
              }
              fxThread.accept(
                  () -> {
                    stage.getIcons().setAll(images);
                    done.complete(images);
                  });
            });
    return done;
  }

  /** Renders every size; any thread. */
  static List<Image> render() {
    // The app draws with JavaFX only; Java2D here just fills pixel buffers. Headless AWT keeps it
    // from opening its own display connection (or, on macOS, starting its AppKit toolkit) beside
    // JavaFX's. Only set when nobody chose otherwise, and before the first AWT class loads.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    return SIZES.stream().map(size -> toFx(LogoRasterizer.render(size))).toList();
  }

  /** Copies a Java2D ARGB image into a JavaFX image without the javafx.swing module. */
  static Image toFx(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    WritableImage fx = new WritableImage(width, height);
    fx.getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    return fx;
  }

  private static void startDaemon(Runnable task) {
    Thread thread = new Thread(task, "app-icon");
    thread.setDaemon(true);
    // Cosmetic work: let anything the user waits for go first.
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }
}
