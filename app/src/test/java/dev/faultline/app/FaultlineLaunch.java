package dev.faultline.app;

import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The launch benchmark's subject: the real main window through {@link MainStage#show}, opening the
 * file given as the argument, with a fake cluster service so no sandbox starts. Besides the first
 * frame it records {@code fileShown}: the frame after the file's name reached the title.
 */
public final class FaultlineLaunch {

  private FaultlineLaunch() {}

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }

  /** Faultline as the launcher starts it, minus the cluster. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      String file = getParameters().getRaw().getFirst();
      LaunchProbe frame = LaunchProbe.watch(stage, 3);
      String fileName = java.nio.file.Path.of(file).getFileName().toString();
      stage
          .titleProperty()
          .addListener(
              (title, before, now) -> {
                if (now != null && now.contains(fileName)) {
                  frame.afterNextPulse(stage, "fileShown");
                }
              });
      MainStage.showProgressively(
          stage,
          new LaunchOptions(false, Optional.of(file), false),
          new FxTaskExecutor(),
          new FakeClusterService(),
          AppState.none(),
          window -> frame.afterNextPulse(stage, "windowBuilt"));
    }
  }
}
