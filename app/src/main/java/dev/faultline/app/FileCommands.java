package dev.faultline.app;

import dev.faultline.app.export.ImportOutcome;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The File commands with their dialogs: choosing files, and asking before unsaved changes are lost.
 * The work itself (reading, writing) is the view model's, off the FX thread.
 */
final class FileCommands {

  private final MainViewModel viewModel;
  private final Supplier<Window> owner;

  FileCommands(MainViewModel viewModel, Supplier<Window> owner) {
    this.viewModel = viewModel;
    this.owner = owner;
  }

  private Window window() {
    return owner.get();
  }

  void chooseAndOpen() {
    confirmThen(
        () -> {
          FileChooser chooser = chooser("Open Experiment");
          File chosen = chooser.showOpenDialog(window());
          if (chosen != null) {
            viewModel.open(chosen.toPath());
          }
        });
  }

  void newExperiment() {
    confirmThen(viewModel::newExperiment);
  }

  void revert() {
    if (viewModel.file().isEmpty()) {
      return;
    }
    Alert ask =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Your changes since the last save will be lost.",
            new ButtonType("Revert", ButtonBar.ButtonData.OK_DONE),
            ButtonType.CANCEL);
    ask.initOwner(window());
    ask.setHeaderText(
        "Revert to the saved " + viewModel.document().displayNameProperty().get() + "?");
    ask.showAndWait()
        .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
        .ifPresent(b -> viewModel.revert());
  }

  /** Saves; asks for a file when the experiment has none yet. */
  void save(Runnable then) {
    if (viewModel.file().isPresent()) {
      viewModel.saveAs(viewModel.file().get(), then);
    } else {
      saveAs(then);
    }
  }

  void saveAs(Runnable then) {
    FileChooser chooser = chooser("Save Experiment As");
    chooser.setInitialFileName(
        viewModel
            .file()
            .map(p -> p.getFileName().toString())
            .orElse(viewModel.document().experiment().metadata().name() + ".yaml"));
    File chosen = chooser.showSaveDialog(window());
    if (chosen != null) {
      viewModel.saveAs(chosen.toPath(), then);
    }
  }

  /**
   * Runs {@code then} once unsaved changes are dealt with: saved, discarded, or the user cancels
   * and nothing happens.
   */
  void confirmThen(Runnable then) {
    if (!viewModel.document().isDirty()) {
      then.run();
      return;
    }
    ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType("Don\u2019t Save", ButtonBar.ButtonData.NO);
    Alert ask =
        new Alert(
            Alert.AlertType.WARNING,
            "Your changes will be lost if you don\u2019t save them.",
            save,
            discard,
            ButtonType.CANCEL);
    ask.initOwner(window());
    ask.setHeaderText("Save changes to " + viewModel.document().displayNameProperty().get() + "?");
    Optional<ButtonType> answer = ask.showAndWait();
    if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
      return;
    }
    if (answer.get() == save) {
      save(then);
    } else {
      then.run();
    }
  }

  /** File › Import: asks about unsaved changes, then for a file, and imports it. */
  void chooseAndImport() {
    confirmThen(
        () -> {
          FileChooser chooser = chooser("Import Experiment");
          chooser
              .getExtensionFilters()
              .set(
                  0,
                  new FileChooser.ExtensionFilter(
                      "Chaos Mesh, Chaos Toolkit, Faultline (*.yaml, *.yml, *.json)",
                      List.of("*.yaml", "*.yml", "*.json")));
          File chosen = chooser.showOpenDialog(window());
          if (chosen != null) {
            importFile(chosen.toPath());
          }
        });
  }

  /** Imports {@code path} in the background; then shows its warnings, or why it failed. */
  void importFile(Path path) {
    viewModel.importFrom(path, this::showImportOutcome);
  }

  private void showImportOutcome(ImportOutcome outcome) {
    switch (outcome) {
      case ImportOutcome.Opened opened when !opened.warnings().isEmpty() -> {
        Alert info = new Alert(Alert.AlertType.WARNING, "", ButtonType.OK);
        info.initOwner(window());
        info.getDialogPane().setId("import-warnings");
        int count = opened.warnings().size();
        info.setTitle("Imported with Warnings");
        info.setHeaderText(
            "Imported "
                + MainViewModel.displayName(opened.source())
                + " ("
                + opened.format()
                + "): "
                + count
                + (count == 1 ? " thing" : " things")
                + " could not be carried over exactly");
        info.setContentText(
            String.join("\n", opened.warnings().stream().map(w -> "\u2022 " + w).toList()));
        info.setResizable(true);
        info.show();
      }
      case ImportOutcome.Opened opened -> {}
      case ImportOutcome.Failed failed -> {
        Alert error = new Alert(Alert.AlertType.ERROR, failed.describe(), ButtonType.OK);
        error.initOwner(window());
        error.getDialogPane().setId("import-error");
        error.setTitle("Import Failed");
        error.setHeaderText("Cannot import " + MainViewModel.displayName(failed.source()));
        error.setResizable(true);
        error.show();
      }
    }
  }

  void quit() {
    confirmThen(() -> window().hide());
  }

  private FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Experiments (*.yaml, *.yml, *.json)", List.of("*.yaml", "*.yml", "*.json")),
            new FileChooser.ExtensionFilter("All files", "*"));
    // Start where the current experiment lives; the user's last place is the likeliest.
    viewModel.file().map(Path::getParent).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
    return chooser;
  }
}
