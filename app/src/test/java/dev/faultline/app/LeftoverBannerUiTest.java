package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The leftover warning with a long sentence: its text wraps in the room left of "Roll Back Now", so
 * the button never covers a word, at any width.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LeftoverBannerUiTest {

  private static final String WARNING =
      "2 faults left by run checkout-freeze-and-recover-20261202-053256-b170"
          + " (checkout-freeze-and-recover) on context faultline-sandbox; run faultline cleanup"
          + " --context faultline-sandbox";

  private Stage stage;
  private VBox root;

  @Start
  void start(Stage primary) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    MainViewModel viewModel =
        new MainViewModel(
            new SameThreadTaskExecutor(),
            new SameThreadTaskExecutor(),
            file -> {
              throw new IllegalStateException("no files here");
            },
            (file, text) -> {});
    viewModel.checkForLeftovers(() -> List.of(WARNING));
    root = new VBox(new LeftoverBanner(viewModel, () -> {}), new StackPane());
    // A window of its own: the widths set here must not stay for the next test class.
    stage = new Stage();
    stage.setScene(new Scene(root, 840, 300));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.hide();
              Application.setUserAgentStylesheet(null);
            })
        .get();
  }

  @Test
  void theWarningWrapsLeftOfTheRollBackButton() throws Exception {
    for (double width : new double[] {840, 1200}) {
      WaitForAsyncUtils.asyncFx(
              () -> {
                stage.setWidth(width);
                root.applyCss();
                root.layout();
              })
          .get();
      WaitForAsyncUtils.waitForFxEvents();
      Bounds[] bounds =
          WaitForAsyncUtils.asyncFx(
                  () -> {
                    Node button = root.lookup("#leftover-rollback");
                    Text text =
                        root.lookupAll(".description Text").stream()
                            .map(Text.class::cast)
                            .filter(t -> t.getText().contains("faultline cleanup"))
                            .findFirst()
                            .orElseThrow();
                    return new Bounds[] {
                      text.localToScene(text.getLayoutBounds()),
                      button.localToScene(button.getLayoutBounds())
                    };
                  })
              .get();
      Bounds text = bounds[0];
      Bounds button = bounds[1];
      assertThat(text.getMaxX() <= button.getMinX() || text.getMaxY() <= button.getMinY())
          .as("at width %s the text %s stays clear of the button %s", width, text, button)
          .isTrue();
    }
  }
}
