package dev.faultline.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's content, built in code: menus on top, the canvas in the middle, the status bar
 * below.
 */
public final class MainWindow extends BorderPane {

  private final MainViewModel viewModel;

  /**
   * Builds the window's content for a view model.
   *
   * @param viewModel the state it shows
   */
  public MainWindow(MainViewModel viewModel) {
    this.viewModel = viewModel;
    setId("main-window");
    setTop(
        new MainMenuBar(
            new MainMenuBar.Actions(
                viewModel::newExperiment, this::chooseAndOpen, this::quit, this::showAbout)));
    setCenter(new CanvasArea(viewModel));
    setBottom(new StatusBar(viewModel));
  }

  /** The state behind this window. */
  public MainViewModel viewModel() {
    return viewModel;
  }

  private void chooseAndOpen() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open Experiment");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Experiments (*.yaml, *.yml, *.json)", List.of("*.yaml", "*.yml", "*.json")),
            new FileChooser.ExtensionFilter("All files", "*"));
    // Start where the current experiment lives; the user's last place is the likeliest.
    viewModel.file().map(Path::getParent).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
    File chosen = chooser.showOpenDialog(window());
    if (chosen != null) {
      viewModel.open(chosen.toPath());
    }
  }

  private void quit() {
    // Closing the stage, not Platform.exit(), so a future "save changes?" check can veto it.
    window().hide();
  }

  private void showAbout() {
    AboutDialog.create(window()).show();
  }

  private Window window() {
    return getScene().getWindow();
  }
}
