package dev.faultline.app;

import dev.faultline.app.actions.AppAction;
import dev.faultline.app.run.RunController;
import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.run.RunView;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * The main window's commands, defined once for menus, the command palette and the cheat sheet.
 * Clipboard commands act on a focused text field when there is one, else on the canvas.
 */
final class WindowActions {
  private WindowActions() {}

  static Map<String, AppAction> create(
      MainWindow window, MainViewModel viewModel, CanvasView canvas, PanelLayout panels) {
    var document = viewModel.document();
    FileCommands files = window.files();
    ObservableBooleanValue untitled =
        Bindings.createBooleanBinding(
            () -> document.fileProperty().get() == null, document.fileProperty());
    ObservableBooleanValue noSelection =
        Bindings.createBooleanBinding(
            () -> viewModel.selection().ids().isEmpty(), viewModel.selection().idsProperty());
    Map<String, AppAction> actions = new LinkedHashMap<>();
    add(actions, AppAction.of("new", "File", "_New", "Shortcut+N", files::newExperiment));
    add(actions, AppAction.of("open", "File", "_Open\u2026", "Shortcut+O", files::chooseAndOpen));
    add(
        actions,
        AppAction.of("save", "File", "_Save", "Shortcut+S", () -> files.save(() -> {}))
            .disabledWhen(viewModel.busyProperty()));
    add(
        actions,
        AppAction.of(
                "save-as",
                "File",
                "Save _As\u2026",
                "Shortcut+Shift+S",
                () -> files.saveAs(() -> {}))
            .disabledWhen(viewModel.busyProperty()));
    add(
        actions,
        AppAction.of("revert", "File", "_Revert", null, files::revert).disabledWhen(untitled));
    add(
        actions,
        AppAction.of(
            "open-from-catalog",
            "File",
            "Open from Cluster _Catalog\u2026",
            null,
            window::openFromCatalog));
    add(
        actions,
        AppAction.of(
            "save-to-catalog",
            "File",
            "Save to Cluster Cata_log\u2026",
            null,
            window::saveToCatalog));
    add(
        actions,
        AppAction.of(
            "import", "File", "_Import\u2026", "Shortcut+Shift+I", files::chooseAndImport));
    add(
        actions,
        AppAction.of("export", "File", "_Export\u2026", "Shortcut+Shift+E", window::showExport));
    add(actions, AppAction.of("quit", "File", "_Quit", "Shortcut+Q", files::quit));

    add(
        actions,
        AppAction.of("undo", "Edit", "_Undo", "Shortcut+Z", document::undo)
            .withText(document.undoTextProperty())
            .disabledWhen(document.canUndoProperty().not()));
    add(
        actions,
        AppAction.of("redo", "Edit", "_Redo", "Shortcut+Shift+Z", document::redo)
            .withText(document.redoTextProperty())
            .disabledWhen(document.canRedoProperty().not()));
    add(actions, textOr(window, "cut", "Cu_t", "Shortcut+X", TextInputControl::cut, canvas::cut));
    add(
        actions,
        textOr(window, "copy", "_Copy", "Shortcut+C", TextInputControl::copy, canvas::copy));
    add(
        actions,
        textOr(window, "paste", "_Paste", "Shortcut+V", TextInputControl::paste, canvas::paste));
    add(
        actions,
        AppAction.of("duplicate", "Edit", "_Duplicate", "Shortcut+D", canvas::duplicate)
            .disabledWhen(noSelection));
    add(
        actions,
        textOr(
            window,
            "delete",
            "_Delete",
            "Delete",
            field -> field.deleteNextChar(),
            canvas::deleteSelection));
    add(
        actions,
        textOr(
            window,
            "select-all",
            "Select _All",
            "Shortcut+A",
            TextInputControl::selectAll,
            canvas::selectAll));
    add(
        actions,
        AppAction.of(
                "connect",
                "Edit",
                "_Connect\u2026",
                "Shortcut+E",
                canvas::startConnectFromSelection)
            .disabledWhen(noSelection));

    add(actions, AppAction.of("zoom-in", "View", "Zoom _In", "Shortcut+EQUALS", canvas::zoomIn));
    add(actions, AppAction.of("zoom-out", "View", "Zoom _Out", "Shortcut+MINUS", canvas::zoomOut));
    add(
        actions,
        AppAction.of("zoom-reset", "View", "_Actual Size", "Shortcut+0", canvas::zoomReset));
    add(actions, AppAction.of("zoom-fit", "View", "Zoom to _Fit", "Shift+1", canvas::zoomToFit));
    add(
        actions,
        AppAction.of("auto-layout", "View", "Auto-_Layout", "Shortcut+Shift+L", window::autoLayout)
            .disabledWhen(window.autoLayoutRunning()));
    add(
        actions,
        AppAction.of(
            "toggle-palette",
            "View",
            "Show Palette",
            "Shortcut+1",
            () -> panels.leftShown.set(!panels.leftShown.get())));
    add(
        actions,
        AppAction.of(
            "toggle-inspector",
            "View",
            "Show Inspector",
            "Shortcut+2",
            () -> panels.rightShown.set(!panels.rightShown.get())));
    add(
        actions,
        AppAction.of(
            "toggle-bottom",
            "View",
            "Show Problems and Text",
            "Shortcut+3",
            () -> panels.bottomShown.set(!panels.bottomShown.get())));

    RunController runs = window.runs();
    add(
        actions,
        AppAction.of("run", "Run", "_Run", "F5", () -> runs.run(false))
            .disabledWhen(runs.activeBinding()));
    add(
        actions,
        AppAction.of("dry-run", "Run", "_Dry Run", "Shift+F5", () -> runs.run(true))
            .disabledWhen(runs.activeBinding()));
    add(
        actions,
        AppAction.of(
                "run-chaos-mesh",
                "Run",
                "Run on Chaos _Mesh\u2026",
                null,
                () -> window.workflowRuns().runExperiment())
            .disabledWhen(runs.activeBinding()));
    add(
        actions,
        AppAction.of(
                "run-workflow-file",
                "Run",
                "Run _Workflow File\u2026",
                null,
                () -> window.workflowRuns().chooseFile())
            .disabledWhen(runs.activeBinding()));
    // Window-wide through the menu's accelerator: whatever has the focus, this stops the run.
    add(
        actions,
        AppAction.of(
                "emergency-stop",
                "Run",
                "_Emergency Stop",
                RunView.EMERGENCY_STOP.getName(),
                runs::emergencyStop)
            .disabledWhen(runs.activeBinding().not()));
    add(
        actions,
        AppAction.of("pause-resume", "Run", "_Pause or Resume", "F8", runs::togglePause)
            .disabledWhen(runs.activeBinding().not()));
    add(
        actions,
        AppAction.of("cancel-run", "Run", "_Cancel Run", null, runs::cancel)
            .disabledWhen(runs.activeBinding().not()));
    add(
        actions,
        AppAction.of(
            "active-runs", "Run", "Runs on This _Machine\u2026", null, window::showActiveRuns));

    add(
        actions,
        AppAction.of(
            "command-palette",
            "Help",
            "_Command Palette\u2026",
            "Shortcut+Shift+P",
            window::showCommandPalette));
    add(
        actions,
        AppAction.of("shortcuts", "Help", "_Keyboard Shortcuts", null, window::showShortcuts));
    add(
        actions,
        AppAction.of(
            "check-updates", "Help", "Check for _Updates\u2026", null, window::checkForUpdates));
    add(actions, AppAction.of("about", "Help", "_About Faultline", null, window::showAbout));
    return actions;
  }

  private static void add(Map<String, AppAction> actions, AppAction action) {
    actions.put(action.id(), action);
  }

  /** An Edit command that works on the focused text field, or on the canvas otherwise. */
  private static AppAction textOr(
      MainWindow window,
      String id,
      String text,
      String accelerator,
      java.util.function.Consumer<TextInputControl> onText,
      Runnable onCanvas) {
    return AppAction.of(
        id,
        "Edit",
        text,
        accelerator,
        () -> {
          Node focus = window.getScene() == null ? null : window.getScene().getFocusOwner();
          if (focus instanceof TextInputControl field) {
            onText.accept(field);
          } else {
            onCanvas.run();
          }
        });
  }
}
