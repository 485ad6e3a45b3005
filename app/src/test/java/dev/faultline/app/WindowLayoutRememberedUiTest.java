package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.prefs.Panel;
import dev.faultline.app.prefs.ThemeChoice;
import dev.faultline.app.prefs.WindowLayoutStore;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** What the user left (panels, theme, size) is what the next start shows. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowLayoutRememberedUiTest {

  @TempDir Path config;
  @TempDir Path data;

  @Test
  void hiddenPanelsThemeAndSizeComeBackAtTheNextStart(FxRobot robot) throws Exception {
    Stage first = FxToolkit.registerStage(Stage::new);
    MainWindow[] window = new MainWindow[1];
    robot.interact(
        () ->
            window[0] =
                MainStage.show(
                    first,
                    LaunchOptions.NONE,
                    new FxTaskExecutor(),
                    new FakeClusterService(),
                    AppState.load(config, data)));
    robot.interact(
        () -> {
          window[0].panels().leftShown.set(false);
          window[0].theme().choiceProperty().set(ThemeChoice.DARK);
          first.setWidth(1000);
          first.setHeight(700);
        });
    robot.interact(first::close);
    Path saved = config.resolve("window.json");
    Await.until(
        () ->
            Files.exists(saved)
                && new WindowLayoutStore(config).load().value().theme() == ThemeChoice.DARK);

    var layout = new WindowLayoutStore(config).load().value();
    assertThat(layout.isShown(Panel.PALETTE)).isFalse();
    assertThat(layout.isShown(Panel.INSPECTOR)).isTrue();
    assertThat(layout.bounds()).hasValueSatisfying(b -> assertThat(b.width()).isEqualTo(1000));

    Stage second = FxToolkit.registerStage(Stage::new);
    robot.interact(
        () ->
            window[0] =
                MainStage.show(
                    second,
                    LaunchOptions.NONE,
                    new FxTaskExecutor(),
                    new FakeClusterService(),
                    AppState.load(config, data)));
    assertThat(window[0].panels().leftShown.get()).isFalse();
    assertThat(window[0].theme().darkProperty().get()).isTrue();
    assertThat(second.getWidth()).isEqualTo(1000);
    robot.interact(() -> window[0].theme().choiceProperty().set(ThemeChoice.LIGHT));
    robot.interact(second::close);
  }
}
