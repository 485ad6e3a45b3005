package dev.faultline.app;

import dev.faultline.app.connection.ClusterService;
import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

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
   * Shows the main window on {@code stage}, starts opening the file named in {@code options} and
   * connecting to a cluster. Closing the window releases the connection and stops the sandbox.
   *
   * @param clusters the cluster side; {@link ConnectionViewModel#close() shut down} with the window
   * @return the view shown, for tests to look into
   */
  /** The start-up warning's content: what crashed runs left in this machine's journals. */
  private static java.util.List<String> leftovers() throws java.io.IOException {
    return new dev.faultline.safety.Cleanup(
            dev.faultline.safety.StateDirectory.get(),
            dev.faultline.attack.AttackExecutors.builtIn())
        .scan(null)
        .warnings();
  }

  static MainWindow show(
      Stage stage, LaunchOptions options, UiTaskExecutor tasks, ClusterService clusters) {
    FaultlineApp.applyDefaultTheme();
    MainViewModel viewModel = new MainViewModel(tasks, new ExperimentLoader());
    ConnectionViewModel connection = new ConnectionViewModel(tasks, clusters);
    MainWindow window = new MainWindow(viewModel, connection);

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
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> connection.close());
    stage.show();

    // After show(): the window is up at once; the file and the cluster arrive in the background.
    options.file().ifPresent(viewModel::openFromCommandLine);
    connection.start(options.sandbox());
    viewModel.checkForLeftovers(MainStage::leftovers);
    return window;
  }
}
