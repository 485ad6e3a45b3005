package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.prefs.PendingRecovery;
import dev.faultline.app.prefs.RecoveryStore;
import dev.faultline.app.prefs.WindowLayout;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.format.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** After a crash the next start offers the unsaved changes back, and restoring brings them. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RecoveryOfferUiTest {

  @TempDir Path dir;

  @Test
  void restoringBringsBackTheUnsavedChangesAsUnsaved(FxRobot robot) throws Exception {
    Path original = dir.resolve("checkout.yaml");
    Path text =
        Files.writeString(
            dir.resolve("crashed.yaml"),
            Files.readString(Path.of("../docs/examples/checkout-freeze-and-recover.yaml"))
                .replace("timeout: 120s", "timeout: 180s"));
    PendingRecovery pending =
        new PendingRecovery("crashed", Optional.of(original), Syntax.YAML, Instant.now(), text);
    AppState state =
        new AppState(
            WindowLayout.DEFAULT,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.of(new RecoveryStore(dir.resolve("data"))),
            List.of(pending),
            List.of());
    Stage stage = FxToolkit.registerStage(Stage::new);
    MainWindow[] window = new MainWindow[1];
    // show() blocks on the question (showAndWait), so it runs later and the test answers.
    robot.interact(
        () ->
            javafx.application.Platform.runLater(
                () ->
                    window[0] =
                        MainStage.show(
                            stage,
                            LaunchOptions.NONE,
                            new FxTaskExecutor(),
                            new FakeClusterService(),
                            state)));
    Await.until(() -> robot.lookup("#recovery-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#recovery-dialog").queryAs(DialogPane.class);
    assertThat(dialog.getHeaderText()).startsWith("Restore unsaved changes to checkout.yaml from ");

    robot.clickOn((Button) dialog.lookupButton(dialog.getButtonTypes().getFirst()));

    Await.until(
        () ->
            window[0] != null
                && window[0].viewModel().document().experiment().spec().steps().size() == 4);
    var document = window[0].viewModel().document();
    assertThat(document.isDirty()).isTrue();
    assertThat(document.file()).contains(original);
    assertThat(stage.getTitle()).isEqualTo("*checkout.yaml \u2014 Faultline");
    robot.interact(stage::close);
  }
}
