package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window icon is the logo, set without making the FX thread wait for its rendering. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AppIconUiTest {

  @Test
  void setsTheLogoAtEverySizeOnTheStage(FxRobot robot) throws Exception {
    Stage stage = FxToolkit.registerStage(Stage::new);
    robot.interact(stage::show);

    List<Image> images = AppIcon.install(stage).get(20, TimeUnit.SECONDS);

    List<Image> icons = new ArrayList<>();
    robot.interact(() -> icons.addAll(stage.getIcons()));
    assertThat(icons).containsExactlyElementsOf(images);
    assertThat(icons)
        .extracting(image -> (int) image.getWidth())
        .containsExactly(16, 32, 48, 64, 128, 256);
    for (Image icon : icons) {
      int size = (int) icon.getWidth();
      assertThat(icon.getHeight()).isEqualTo(size);
      var pixels = icon.getPixelReader();
      // Transparent outside the rounded tile, opaque logo inside.
      assertThat(pixels.getArgb(0, 0) >>> 24).as("corner at %d px", size).isZero();
      assertThat(pixels.getArgb(size / 4, size / 2) >>> 24)
          .as("tile at %d px", size)
          .isEqualTo(255);
    }
    robot.interact(stage::close);
  }

  @Test
  void theFxThreadNeverWaitsForTheRendering(FxRobot robot) throws Exception {
    Stage stage = FxToolkit.registerStage(Stage::new);
    CountDownLatch renderMayFinish = new CountDownLatch(1);
    AtomicReference<Boolean> renderedOnFxThread = new AtomicReference<>();
    AtomicInteger fxTasks = new AtomicInteger();
    List<Image> rendered = AppIcon.render();
    AtomicReference<CompletableFuture<List<Image>>> done = new AtomicReference<>();

    robot.interact(
        () ->
            done.set(
                AppIcon.install(
                    stage,
                    () -> {
                      renderedOnFxThread.set(Platform.isFxApplicationThread());
                      await(renderMayFinish);
                      return rendered;
                    },
                    task -> Thread.ofPlatform().daemon().start(task),
                    task -> {
                      fxTasks.incrementAndGet();
                      Platform.runLater(task);
                    })));
    // install returned on the FX thread while the rendering is still held back.
    robot.interact(() -> assertThat(stage.getIcons()).isEmpty());

    renderMayFinish.countDown();
    assertThat(done.get().get(10, TimeUnit.SECONDS)).isSameAs(rendered);
    assertThat(renderedOnFxThread.get()).isFalse();
    assertThat(fxTasks.get()).as("one runLater for all sizes").isEqualTo(1);
    robot.interact(() -> assertThat(stage.getIcons()).containsExactlyElementsOf(rendered));
  }

  @Test
  void aRenderingFailureLeavesTheDefaultIcon(FxRobot robot) throws Exception {
    Stage stage = FxToolkit.registerStage(Stage::new);
    AtomicInteger fxTasks = new AtomicInteger();
    CompletableFuture<List<Image>> done =
        AppIcon.install(
            stage,
            () -> {
              throw new NoClassDefFoundError("java/awt/image/BufferedImage");
            },
            Runnable::run,
            task -> fxTasks.incrementAndGet());

    assertThat(done)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class);
    assertThat(fxTasks.get()).isZero();
    robot.interact(() -> assertThat(stage.getIcons()).isEmpty());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
