package dev.faultline.app;

import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.connection.ContextSwitcher;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's content, built in code: menus and the cluster switcher on top, the canvas in
 * the middle, the status bar below.
 */
public final class MainWindow extends BorderPane {

  private final MainViewModel viewModel;
  private final ConnectionViewModel connection;

  /**
   * Builds the window's content for its view models.
   *
   * @param viewModel the document state it shows
   * @param connection the cluster connection it shows and switches
   */
  public MainWindow(MainViewModel viewModel, ConnectionViewModel connection) {
    this.viewModel = viewModel;
    this.connection = connection;
    setId("main-window");
    MainMenuBar menus =
        new MainMenuBar(
            new MainMenuBar.Actions(
                viewModel::newExperiment, this::chooseAndOpen, this::quit, this::showAbout));
    HBox.setHgrow(menus, Priority.ALWAYS);
    HBox top = new HBox(menus, new ContextSwitcher(connection));
    top.setId("top-bar");
    top.getStyleClass().add("top-bar");
    top.setAlignment(Pos.CENTER_LEFT);
    top.setFillHeight(false); // the switcher keeps its own height, centred, not the bar's
    setTop(top);
    var center = new javafx.scene.layout.BorderPane(new CanvasArea(viewModel));
    center.setTop(new LeftoverBanner(viewModel));
    setCenter(center);
    setBottom(new StatusBar(viewModel, connection));
  }

  /** The document state behind this window. */
  public MainViewModel viewModel() {
    return viewModel;
  }

  /** The cluster connection behind this window. */
  public ConnectionViewModel connection() {
    return connection;
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
