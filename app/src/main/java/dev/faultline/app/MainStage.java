package dev.faultline.app;

import dev.faultline.designer.fx.UiTaskExecutor;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the main window: wires view model, view, scene and stage.
 *
 * <p>Kept apart from {@link FaultlineApp} so UI tests build exactly the window users get.
 */
final class MainStage {

  static final double DEFAULT_WIDTH = 1200;
  static final double DEFAULT_HEIGHT = 800;
  static final double MIN_WIDTH = 720;
  static final double MIN_HEIGHT = 480;

  private MainStage() {}

  /**
   * Shows the main window on {@code stage} and starts opening {@code file} if given.
   *
   * @return the view shown, for tests to look into
   */
  static MainWindow show(Stage stage, Optional<String> file, UiTaskExecutor tasks) {
    FaultlineApp.applyDefaultTheme();
    MainViewModel viewModel = new MainViewModel(tasks, new ExperimentLoader());
    MainWindow window = new MainWindow(viewModel);

    Scene scene = new Scene(window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    scene
        .getStylesheets()
        .add(
            Objects.requireNonNull(MainStage.class.getResource("app.css"), "app.css")
                .toExternalForm());
    stage.setScene(scene);
    stage.titleProperty().bind(viewModel.titleProperty());
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    stage.show();

    // After show(): the window is up at once and the file arrives in the background.
    file.ifPresent(viewModel::openFromCommandLine);
    return window;
  }
}
