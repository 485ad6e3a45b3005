package dev.faultline.app;

import dev.faultline.app.actions.AppAction;
import dev.faultline.app.actions.CheatSheet;
import dev.faultline.app.actions.CommandPalette;
import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.connection.ContextSwitcher;
import dev.faultline.app.connection.LiveCluster;
import dev.faultline.app.export.ExportDialog;
import dev.faultline.app.export.ExportViewModel;
import dev.faultline.app.run.CanvasBadges;
import dev.faultline.app.run.CanvasRunStates;
import dev.faultline.app.run.RunArea;
import dev.faultline.app.run.RunButtons;
import dev.faultline.app.run.RunController;
import dev.faultline.app.run.RunStarter;
import dev.faultline.app.theme.ThemeController;
import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.document.StepTemplate;
import dev.faultline.designer.inspector.InspectorView;
import dev.faultline.designer.layout.AutoLayoutAction;
import dev.faultline.designer.palette.PaletteView;
import dev.faultline.designer.preview.PreviewView;
import dev.faultline.designer.preview.PreviewViewModel;
import dev.faultline.designer.problems.ProblemsView;
import dev.faultline.designer.yaml.YamlView;
import dev.faultline.export.Exports;
import dev.faultline.safety.StateDirectory;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The main window's content, built in code: menus and the cluster switcher on top; the palette, the
 * canvas (with the problems and text views under it) and the inspector in the middle; the status
 * bar below.
 */
public final class MainWindow extends BorderPane {

  private final MainViewModel viewModel;
  private final ConnectionViewModel connection;
  private final ThemeController theme;
  private final RecentFilesMenu recent;
  private final CanvasView canvas;
  private final PaletteView palette;
  private final InspectorView inspector;
  private final PreviewViewModel preview;
  private final RunController runs;
  private final RunArea runArea;
  private final dev.faultline.app.run.WorkflowRunController workflowRuns;
  private final CanvasRunStates stepStates;

  private final ProblemsView problems;

  /** Made when first shown: the text editor is the costliest view to build, and starts hidden. */
  private YamlView yaml;

  private final TabPane bottomTabs;
  private final PanelLayout panels;
  private final Map<String, AppAction> actions;
  private final CommandPalette commandPalette;
  private final AutoLayoutAction autoLayout;
  private final FileCommands files;
  private final MainMenuBar menus;
  private final StatusBar statusBar;

  /** Set once by {@link #installUpdates}, right after the window is built. */
  private dev.faultline.app.updates.UpdateCommands updates;

  private final dev.faultline.app.catalog.CatalogCommands catalogCommands;

  /** Where the Export dialog's Save starts: the folder of the last export. */
  private final javafx.beans.property.ObjectProperty<java.nio.file.Path> exportFolder =
      new javafx.beans.property.SimpleObjectProperty<>();

  private javafx.stage.Stage exportStage;

  /**
   * Builds the window's content for its view models.
   *
   * @param viewModel the document state it shows
   * @param connection the cluster connection it shows and switches
   * @param theme the light/dark theme switcher
   * @param recent the recent-files list
   */
  public MainWindow(
      MainViewModel viewModel,
      ConnectionViewModel connection,
      ThemeController theme,
      RecentFilesMenu recent) {
    this.viewModel = viewModel;
    this.connection = connection;
    this.theme = theme;
    this.recent = recent;
    setId("main-window");

    var document = viewModel.document();
    canvas =
        new CanvasView(document, viewModel.selection(), viewModel.problems(), viewModel.catalog());
    palette = new PaletteView(viewModel.catalog(), canvas::addAtFreeSpot);
    inspector =
        new InspectorView(
            document, viewModel.selection(), viewModel.problems(), viewModel.catalog());
    problems = new ProblemsView(viewModel.problems(), viewModel.selection(), this::reveal);
    canvas
        .messageProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && !now.isBlank()) {
                viewModel.report(now, false);
              }
            });

    bottomTabs =
        new TabPane(
            tab("Problems", "problems-tab", problems),
            tab(textTabName(), "text-tab", new javafx.scene.layout.StackPane()));
    Tab textTab = bottomTabs.getTabs().get(1);
    textTab
        .selectedProperty()
        .addListener(
            (obs, was, selected) -> {
              if (selected) {
                yaml();
              }
            });
    bottomTabs.setId("bottom-tabs");
    document
        .syntaxProperty()
        .addListener((obs, old, now) -> bottomTabs.getTabs().get(1).setText(textTabName()));

    BorderPane center = new BorderPane(canvas);
    center.setTop(
        new LeftoverBanner(
            viewModel, () -> viewModel.cleanUpLeftovers(connection::cleanUpLeftovers)));
    preview = new PreviewViewModel(document, viewModel.selection());
    // The preview follows the connection's live snapshot; null while connecting or unreachable.
    preview
        .snapshotProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> {
                  LiveCluster live = connection.liveClusterProperty().get();
                  return live == null ? null : live.snapshot();
                },
                connection.liveClusterProperty()));
    // Targets naming another context are previewed in that context's cluster; the connected
    // context is home.
    preview
        .homeContextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  LiveCluster live = connection.liveClusterProperty().get();
                  return live == null ? null : live.contextName();
                },
                connection.liveClusterProperty()));
    preview.setContextOpener(connection.previewContextOpener());
    // The context fields suggest the kubeconfig's contexts.
    inspector
        .model()
        .kubeContextsProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    connection.targets().stream()
                        .filter(t -> t instanceof dev.faultline.cluster.ClusterTarget.KubeContext)
                        .map(dev.faultline.cluster.ClusterTarget::contextName)
                        .toList(),
                connection.targets()));
    // With no step selected, the target being edited in the experiment's form is previewed.
    preview.focusedTargetProperty().bind(inspector.model().focusedTargetProperty());
    // The inspector above, the pods its target selects right under it: edit and see.
    SplitPane right = new SplitPane(inspector, new PreviewView(preview));
    right.setId("right-split");
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(RunModeLayout.DESIGN_SPLIT);
    panels = new PanelLayout(palette, center, right, bottomTabs);

    runs =
        new RunController(
            document,
            viewModel.problems(),
            viewModel.catalog(),
            connection,
            viewModel.tasks(),
            new RunStarter(StateDirectory.get(), connection::contextOpener),
            this::window,
            viewModel::report);
    runArea = new RunArea(runs, viewModel.tasks(), runs::snapshotOf);
    workflowRuns =
        new dev.faultline.app.run.WorkflowRunController(
            document,
            viewModel.problems(),
            connection,
            viewModel.tasks(),
            StateDirectory.get(),
            this::window,
            viewModel::report,
            runArea::showWorkflow);
    Tab runTab = tab("Run", "run-tab", runArea);
    bottomTabs.getTabs().add(runTab);
    new RunModeLayout(panels, right, bottomTabs, runTab, runs, runArea)
        .backToDesignOn(viewModel.selection().idsProperty(), document.revisionProperty());
    stepStates = new CanvasRunStates(canvas, runs.currentProperty());
    // The last run's outcome stays on the cards until the graph is edited: then it is history.
    document
        .revisionProperty()
        .addListener(
            (obs, old, now) -> {
              if (!runs.activeBinding().get()) {
                stepStates.clear();
              }
            });
    new CanvasBadges(canvas, preview.counts());
    // Text that does not parse can only be fixed there: show it.
    document
        .unparsedTextProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                panels.bottomShown.set(true);
                bottomTabs.getSelectionModel().select(textTab);
              }
            });

    autoLayout = new AutoLayoutAction(document, viewModel.tasks());
    files = new FileCommands(viewModel, this::window);
    catalogCommands =
        new dev.faultline.app.catalog.CatalogCommands(
            connection,
            viewModel.tasks(),
            new dev.faultline.app.prefs.CatalogPrefs(dev.faultline.app.prefs.ConfigDirectory.get()),
            this::window);
    actions = WindowActions.create(this, viewModel, canvas, panels);
    commandPalette = new CommandPalette(this::paletteEntries);

    canvas.setOnContextMenuRequested(this::showCanvasMenu);
    // The text follows the selection, when it is showing.
    viewModel
        .selection()
        .idsProperty()
        .addListener(
            (obs, old, now) -> {
              if (yaml != null && bottomTabs.getSelectionModel().getSelectedIndex() == 1) {
                viewModel.selection().primary().ifPresent(yaml::showStep);
              }
            });

    menus =
        new MainMenuBar(
            actions,
            recent::list,
            path -> files.confirmThen(() -> viewModel.open(path)),
            recent::clear,
            List.of(
                new MainMenuBar.PanelToggle(
                    "toggle-palette", "Palette", "Shortcut+1", panels.leftShown),
                new MainMenuBar.PanelToggle(
                    "toggle-inspector", "Inspector", "Shortcut+2", panels.rightShown),
                new MainMenuBar.PanelToggle(
                    "toggle-bottom", "Problems and Text", "Shortcut+3", panels.bottomShown)),
            theme.choiceProperty());
    HBox.setHgrow(menus, Priority.ALWAYS);
    HBox top = new HBox(menus, new RunButtons(runs, connection), new ContextSwitcher(connection));
    top.setId("top-bar");
    top.getStyleClass().add("top-bar");
    top.setAlignment(Pos.CENTER_LEFT);
    top.setFillHeight(false); // the switcher keeps its own height, centred, not the bar's
    setTop(top);
    setCenter(panels.root());
    statusBar = new StatusBar(viewModel, connection);
    setBottom(statusBar);

    // "?" opens the cheat sheet unless the user is typing a question mark into a field.
    addEventHandler(
        KeyEvent.KEY_TYPED,
        event -> {
          if ("?".equals(event.getCharacter())
              && !(event.getTarget() instanceof TextInputControl)) {
            showShortcuts();
            event.consume();
          }
        });
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.F6) {
            canvas.requestFocus();
            event.consume();
          }
        });
  }

  private static Tab tab(String text, String id, javafx.scene.Node content) {
    Tab tab = new Tab(text, content);
    tab.setId(id);
    tab.setClosable(false);
    return tab;
  }

  private String textTabName() {
    return viewModel.document().syntax() == dev.faultline.format.Syntax.JSON ? "JSON" : "YAML";
  }

  /**
   * Shows a problem's place: its step, selected and centred on the canvas (the inspector then shows
   * the message under its field); a problem outside the steps (syntax, metadata) at its line in the
   * text view. The problems list stays where it is, so the next problem is one click away.
   */
  private void reveal(Problem problem) {
    var step = viewModel.problems().stepOf(problem);
    if (step.isPresent()) {
      canvas.centerOn(step.get());
    } else if (problem.hasPosition()) {
      panels.bottomShown.set(true);
      bottomTabs.getSelectionModel().select(1);
      yaml().revealLine(problem.line(), problem.column());
    }
  }

  /**
   * The canvas's right-click menu: the Edit and View commands that apply there. A right-click on a
   * step that is not selected selects it first, as file managers and diagram tools do.
   */
  private void showCanvasMenu(javafx.scene.input.ContextMenuEvent event) {
    var view = canvas.viewModel();
    var port = view.viewport();
    view.graph()
        .cardAt(port.toCanvasX(event.getX()), port.toCanvasY(event.getY()))
        .map(card -> card.step().id())
        .filter(id -> !viewModel.selection().isSelected(id))
        .ifPresent(viewModel.selection()::select);
    var menu = new javafx.scene.control.ContextMenu();
    menu.setId("canvas-menu");
    for (String id :
        List.of(
            "cut",
            "copy",
            "paste",
            "duplicate",
            "delete",
            "-",
            "connect",
            "select-all",
            "-",
            "auto-layout",
            "zoom-fit")) {
      menu.getItems()
          .add(
              id.equals("-")
                  ? new javafx.scene.control.SeparatorMenuItem()
                  : contextItem(actions.get(id)));
    }
    menu.setAutoHide(true);
    menu.show(canvas, event.getScreenX(), event.getScreenY());
    event.consume();
  }

  /**
   * A menu item for the context menu: no accelerator, since JavaFX would register it in the scene a
   * second time next to the menu bar's and the shortcut would run twice.
   */
  private static javafx.scene.control.MenuItem contextItem(AppAction action) {
    var item = MainMenuBar.item(action);
    item.setAccelerator(null);
    return item;
  }

  /** The text view, built the first time it is needed. */
  YamlView yaml() {
    if (yaml == null) {
      yaml = new YamlView(viewModel.document(), viewModel.problems(), viewModel.tasks());
      bottomTabs.getTabs().get(1).setContent(yaml);
    }
    return yaml;
  }

  /** Everything the command palette offers: the window's actions, then "Add …" for each step. */
  private List<AppAction> paletteEntries() {
    List<AppAction> entries = new ArrayList<>(actions.values());
    for (var descriptor : viewModel.catalog().all()) {
      StepTemplate template = StepTemplate.of(descriptor);
      entries.add(
          AppAction.of(
              "add-" + descriptor.id(),
              "Add",
              descriptor.title(),
              null,
              () -> canvas.addAtFreeSpot(template)));
    }
    entries.add(
        AppAction.of(
            "add-wait", "Add", "Wait", null, () -> canvas.addAtFreeSpot(StepTemplate.WAIT)));
    entries.add(
        AppAction.of(
            "add-gate", "Add", "Manual gate", null, () -> canvas.addAtFreeSpot(StepTemplate.GATE)));
    return entries;
  }

  /** The document state behind this window. */
  public MainViewModel viewModel() {
    return viewModel;
  }

  /** The cluster connection behind this window. */
  public ConnectionViewModel connection() {
    return connection;
  }

  /** The theme switcher. */
  public ThemeController theme() {
    return theme;
  }

  /** The canvas (for tests and the run view). */
  public CanvasView canvas() {
    return canvas;
  }

  /** The actions by id, in menu order (for tests). */
  public Map<String, AppAction> actions() {
    return new LinkedHashMap<>(actions);
  }

  PanelLayout panels() {
    return panels;
  }

  CommandPalette commandPalette() {
    return commandPalette;
  }

  void showCommandPalette() {
    commandPalette.show(this);
  }

  void showShortcuts() {
    CheatSheet.show(window(), List.copyOf(actions.values()));
  }

  /** New, Open, Save, Save As, Revert, Quit, with their dialogs. */
  FileCommands files() {
    return files;
  }

  /** File › Open from Cluster Catalog…, after unsaved changes are dealt with. */
  void openFromCatalog() {
    files.confirmThen(() -> catalogCommands.showOpen(viewModel::openFromCatalog));
  }

  /** File › Save to Cluster Catalog…. */
  void saveToCatalog() {
    catalogCommands.showSave(viewModel.document());
  }

  void quit() {
    // A run first: it is stopped and rolled back before unsaved changes are asked about.
    runs.confirmStopThen(() -> workflowRuns.stopThen(files::quit));
  }

  /** Lays the graph out left to right in the background; one undoable edit when it lands. */
  void autoLayout() {
    autoLayout.run(
        outcome -> {
          viewModel.report(
              outcome.message(),
              outcome.kind() == AutoLayoutAction.Kind.FAILED
                  || outcome.kind() == AutoLayoutAction.Kind.REFUSED);
          if (outcome.kind() == AutoLayoutAction.Kind.APPLIED) {
            canvas.zoomToFit();
          }
        });
  }

  /** Whether an auto-layout is being computed. */
  javafx.beans.value.ObservableBooleanValue autoLayoutRunning() {
    return autoLayout.runningProperty();
  }

  /**
   * File › Export: the export dialog for the open experiment, or the open one brought to the front.
   * Save starts in the folder of the last export, else the experiment's own.
   */
  void showExport() {
    if (exportStage != null && exportStage.isShowing()) {
      exportStage.toFront();
      return;
    }
    if (exportFolder.get() == null) {
      viewModel.file().map(java.nio.file.Path::getParent).ifPresent(exportFolder::set);
    }
    var model =
        new ExportViewModel(
            viewModel.document(),
            viewModel.tasks(),
            Exports.standard()::export,
            dev.faultline.format.AtomicFiles::write);
    var dialog =
        new ExportDialog(
            model,
            ExportDialog::chooseFile,
            exportFolder,
            id -> {
              viewModel.selection().select(id);
              canvas.centerOn(id);
            });
    exportStage = ExportDialog.show(window(), dialog);
  }

  /** The open Export dialog's window, or {@code null} (for tests and screenshots). */
  javafx.stage.Stage exportStage() {
    return exportStage;
  }

  /**
   * Adds the update check: the Help menu's start-up option after "Check for Updates…", and the
   * status bar's notice of a newer release.
   */
  void installUpdates(dev.faultline.app.updates.UpdateCommands updates) {
    this.updates = updates;
    javafx.scene.control.CheckMenuItem onStart =
        new javafx.scene.control.CheckMenuItem("Check for Updates When Faultline Starts");
    onStart.setId("menu-check-updates-on-start");
    onStart.selectedProperty().bindBidirectional(updates.checkOnStartProperty());
    menus.insertAfter("help-menu", "menu-check-updates", onStart);
    javafx.scene.control.Hyperlink notice = new javafx.scene.control.Hyperlink();
    notice.setId("update-notice");
    notice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    notice
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var newer = updates.availableProperty().get();
                  return newer == null
                      ? ""
                      : "Faultline " + newer.release().version() + " is available";
                },
                updates.availableProperty()));
    notice.visibleProperty().bind(updates.availableProperty().isNotNull());
    notice.managedProperty().bind(notice.visibleProperty());
    notice.setOnAction(
        event -> {
          var newer = updates.availableProperty().get();
          if (newer != null) {
            updates.showAvailable(newer);
          }
        });
    statusBar.addNotice(notice);
  }

  /** The update check (Help › Check for Updates…). */
  public dev.faultline.app.updates.UpdateCommands updates() {
    return updates;
  }

  void checkForUpdates() {
    updates.checkNow();
  }

  void showAbout() {
    AboutDialog.create(window()).show();
  }

  private dev.faultline.app.runs.ActiveRunsWindow activeRuns;

  /** Run › Runs on This Machine: one window, brought to front when already open. */
  void showActiveRuns() {
    if (activeRuns == null) {
      activeRuns =
          new dev.faultline.app.runs.ActiveRunsWindow(
              window(),
              new dev.faultline.app.runs.ActiveRunsViewModel(
                  new dev.faultline.safety.ActiveRuns(StateDirectory.get()),
                  viewModel.tasks(),
                  java.time.Clock.systemUTC()));
    }
    activeRuns.show();
    activeRuns.toFront();
  }

  /** Runs Chaos Mesh Workflows (Run → Run on Chaos Mesh…). */
  dev.faultline.app.run.WorkflowRunController workflowRuns() {
    return workflowRuns;
  }

  /** Runs the experiment and stops runs. */
  RunController runs() {
    return runs;
  }

  /** The Run tab's content. */
  RunArea runArea() {
    return runArea;
  }

  /** The live target preview under the inspector. */
  PreviewViewModel preview() {
    return preview;
  }

  Window window() {
    return getScene().getWindow();
  }
}
