package dev.faultline.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.ScreenCapture;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.safety.ActiveRuns;
import dev.faultline.safety.RunState;
import dev.faultline.safety.RunTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run › Runs on This Machine: the window lists the registered runs, follows a change within a poll,
 * stops polling when hidden, and its Stop asks before it requests a stop of that run only.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ActiveRunsWindowUiTest {
  @TempDir Path state;
  private Stage owner;
  private ActiveRunsWindow window;

  @Start
  void start(Stage stage) {
    this.owner = stage;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    if (window != null) {
      robot.interact(window::hide);
    }
  }

  @Test
  void listsTheRunsFollowsThemAndStopsOneAfterConfirmation(FxRobot robot) throws Exception {
    ActiveRuns runs = new ActiveRuns(state);
    try (var freeze =
            runs.register(
                "20261203-120105-freeze-checkout-3f2a",
                "faultline-sandbox",
                "freeze-checkout",
                null,
                List.of(RunTarget.pod("faultline-sandbox", "shop/checkout-1")));
        var cart = runs.register("20261203-120212-kill-cart-9c01", "kind-dev", "kill-cart", null)) {
      freeze.update(RunState.RUNNING, 3, freeze.run().targets());
      freeze.flush();
      // A still clock keeps the rows (and their Stop buttons) put between polls.
      Clock still = Clock.fixed(freeze.run().startedAt().plusSeconds(95), java.time.ZoneOffset.UTC);
      var model = new ActiveRunsViewModel(runs, new SameThreadTaskExecutor(), still);
      robot.interact(
          () -> {
            window = new ActiveRunsWindow(owner, model);
            window.show();
          });
      TableView<?> table = robot.lookup("#active-runs").queryAs(TableView.class);
      assertThat(table.getItems()).hasSize(2);
      assertThat(window.polling()).isTrue();

      cart.update(RunState.WAITING_AT_GATE, 0, List.of());
      awaitState(model, 1, "waiting at gate");
      var shot =
          new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
      robot.interact(() -> shot.set(window.getScene().snapshot(null)));
      Path png = Path.of("target", "screenshots", "active-runs.png");
      java.nio.file.Files.createDirectories(png.getParent());
      ScreenCapture.write(shot.get(), png);

      // The one in a row on screen (the table also keeps cells aside for measuring).
      Button stop =
          robot
              .lookup("#stop-20261203-120212-kill-cart-9c01")
              .match((Button b) -> b.getScene() != null && b.isVisible() && !b.isDisabled())
              .queryButton();
      robot.clickOn(stop);
      WaitForAsyncUtils.waitForFxEvents();
      DialogPane confirm = robot.lookup("#stop-run-confirm").queryAs(DialogPane.class);
      assertThat(confirm.getHeaderText())
          .isEqualTo("Stop run 20261203-120212-kill-cart-9c01 (kill-cart)?");
      robot.clickOn((Button) confirm.lookupButton(confirm.getButtonTypes().getFirst()));
      WaitForAsyncUtils.waitForFxEvents();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!cart.stopRequested() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(3 * ActiveRuns.POLL_MILLIS);
      assertThat(cart.stopRequested()).isTrue();
      assertThat(freeze.stopRequested()).isFalse();
      assertThat(robot.lookup("#active-runs-message").queryLabeled().getText())
          .isEqualTo("Asked run 20261203-120212-kill-cart-9c01 to stop and roll back.");

      robot.interact(window::hide);
      assertThat(window.polling()).isFalse();
    }
  }

  private static void awaitState(ActiveRunsViewModel model, int row, String state)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      WaitForAsyncUtils.waitForFxEvents();
      if (model.rows().size() > row && model.rows().get(row).state().equals(state)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("state " + state + " not shown: " + model.rows());
  }
}
