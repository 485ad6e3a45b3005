package dev.faultline.app;

import dev.faultline.app.connection.ClusterService;
import dev.faultline.app.connection.ConnectionViewModel;
import dev.faultline.app.prefs.DelayScheduler;
import dev.faultline.app.prefs.Panel;
import dev.faultline.app.prefs.PendingRecovery;
import dev.faultline.app.prefs.RecoveryAutosaver;
import dev.faultline.app.prefs.RecoveryStore;
import dev.faultline.app.prefs.ScreenFit;
import dev.faultline.app.prefs.SplitDivider;
import dev.faultline.app.prefs.UpdatePrefs;
import dev.faultline.app.prefs.WindowBounds;
import dev.faultline.app.prefs.WindowLayout;
import dev.faultline.app.theme.ThemeController;
import dev.faultline.app.updates.UpdateCommands;
import dev.faultline.designer.canvas.CanvasView;
import dev.faultline.designer.fx.UiTaskExecutor;
import dev.faultline.designer.inspector.InspectorView;
import dev.faultline.designer.palette.PaletteView;
import dev.faultline.designer.preview.PreviewView;
import dev.faultline.designer.problems.ProblemsView;
import dev.faultline.designer.run.RunView;
import dev.faultline.designer.run.chart.ProbeChart;
import dev.faultline.designer.run.log.EventLogView;
import dev.faultline.designer.run.pods.PodStatusStrip;
import dev.faultline.designer.run.timeline.RunTimeline;
import dev.faultline.designer.yaml.YamlView;
import dev.faultline.safety.Cleanup;
import dev.faultline.safety.StateDirectory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The composition root of the main window: wires view models, views, scene and stage, and what the
 * app remembers between starts (layout, theme, recent files, recovery copies).
 *
 * <p>Kept apart from {@link FaultlineApp} so UI tests build exactly the window users get.
 */
final class MainStage {

  static final double DEFAULT_WIDTH = 1280;
  static final double DEFAULT_HEIGHT = 820;
  static final double MIN_WIDTH = 720;
  static final double MIN_HEIGHT = 480;

  private MainStage() {}

  /** The start-up warning's content: what crashed runs left in this machine's journals. */
  private static List<String> leftovers() throws IOException {
    return new Cleanup(StateDirectory.get(), dev.faultline.attack.AttackExecutors.builtIn())
        .scan(null)
        .warnings();
  }

  /**
   * {@link #show(Stage, LaunchOptions, UiTaskExecutor, ClusterService, AppState)} remembering
   * nothing.
   */
  static MainWindow show(
      Stage stage, LaunchOptions options, UiTaskExecutor tasks, ClusterService clusters) {
    return show(stage, options, tasks, clusters, AppState.none());
  }

  /**
   * Shows the main window on {@code stage}, starts opening the file named in {@code options} and
   * connecting to a cluster. Closing the window asks about unsaved changes, saves the layout,
   * releases the connection and stops the sandbox.
   *
   * <p>Builds everything before showing, so tests find every view at once; the app uses {@link
   * #showProgressively}.
   *
   * @param clusters the cluster side; {@link ConnectionViewModel#close() shut down} with the window
   * @param state what the app remembered from its last start
   * @return the view shown, for tests to look into
   */
  static MainWindow show(
      Stage stage,
      LaunchOptions options,
      UiTaskExecutor tasks,
      ClusterService clusters,
      AppState state) {
    ThemeController theme = prepare(stage, state);
    MainWindow window = populate(stage, theme, tasks, clusters, state);
    stage.show();
    start(window, options, tasks, state);
    return window;
  }

  /**
   * Shows the window at once, as the frame of its layout (bars, panels), and builds the designer
   * into it right after that first frame: the window is up in about the time an empty JavaFX window
   * takes, instead of after every view has been built and styled.
   *
   * @param ready receives the window once it is built and showing
   */
  static void showProgressively(
      Stage stage,
      LaunchOptions options,
      UiTaskExecutor tasks,
      ClusterService clusters,
      AppState state,
      Consumer<MainWindow> ready) {
    ThemeController theme = prepare(stage, state);
    stage.show();
    afterFirstFrame(
        stage.getScene(),
        () -> {
          MainWindow window = populate(stage, theme, tasks, clusters, state);
          // Background work (file, cluster, journals) would compete with styling the views for
          // the two cores: it starts once the built window is on screen.
          afterFirstFrame(
              stage.getScene(),
              () -> {
                start(window, options, tasks, state);
                ready.accept(window);
              });
        });
  }

  /** Theme, an empty scene with the window's frame, size and position: what shows first. */
  private static ThemeController prepare(Stage stage, AppState state) {
    ThemeController theme = new ThemeController();
    theme.choiceProperty().set(state.layout().theme());
    Scene scene = new Scene(new StartupFrame(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
    scene.getStylesheets().add(appStylesheet());
    stage.setScene(scene);
    stage.titleProperty().unbind(); // a stage shown again (tests reuse theirs)
    stage.setTitle(MainViewModel.APP_NAME);
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    restoreBounds(stage, state.layout());
    return theme;
  }

  /** Runs {@code then} once the scene's next frame has been handed to the renderer. */
  private static void afterFirstFrame(Scene scene, Runnable then) {
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          scene.removePostLayoutPulseListener(listener[0]);
          // From inside the pulse, runLater runs once the pulse and its frame are done.
          Platform.runLater(then);
        };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  /** Builds the view models and the window into the stage's scene and wires closing. */
  private static MainWindow populate(
      Stage stage,
      ThemeController theme,
      UiTaskExecutor tasks,
      ClusterService clusters,
      AppState state) {
    MainViewModel viewModel = new MainViewModel(tasks, new ExperimentLoader());
    ConnectionViewModel connection = new ConnectionViewModel(tasks, clusters);
    RecentFilesCache recent = new RecentFilesCache(state.recentFiles(), state.recent(), tasks);
    viewModel.addFileListener(recent::add);
    MainWindow window = new MainWindow(viewModel, connection, theme, recent);
    window.installUpdates(
        new UpdateCommands(
            state.updates().orElseGet(UpdatePrefs::inMemory),
            tasks,
            AppVersion.current(),
            java.time.Clock.systemUTC(),
            window::window,
            url -> viewModel.report("Open " + url + " in your browser.", false)));
    restorePanels(window.panels(), state.layout());

    Scene scene = stage.getScene();
    scene
        .getStylesheets()
        .setAll(
            appStylesheet(),
            PaletteView.stylesheet(),
            YamlView.stylesheet(),
            InspectorView.stylesheet(),
            ProblemsView.stylesheet(),
            CanvasView.stylesheet(),
            PreviewView.stylesheet(),
            ProbeChart.stylesheet(),
            RunView.stylesheet(),
            RunTimeline.stylesheet(),
            PodStatusStrip.stylesheet(),
            EventLogView.stylesheet());
    scene.setRoot(window);
    stage.titleProperty().bind(viewModel.titleProperty());

    RecoveryAutosaver autosaver =
        state
            .recovery()
            .map(
                store ->
                    new RecoveryAutosaver(
                        viewModel.document(),
                        store.newSlot(),
                        tasks,
                        DelayScheduler.fx(),
                        RecoveryAutosaver.DEFAULT_INTERVAL))
            .orElse(null);
    stage.setOnCloseRequest(
        event -> {
          if (viewModel.document().isDirty() || window.runs().activeBinding().get()) {
            // Asked first; the window closes once the run is rolled back and the changes are
            // saved or discarded.
            event.consume();
            window.quit();
          }
        });
    stage.addEventHandler(
        WindowEvent.WINDOW_HIDDEN,
        event -> {
          saveLayout(stage, window, theme, state);
          window.preview().dispose(); // closes the other contexts' snapshots
          if (autosaver != null) {
            autosaver.close();
          }
          connection.close();
        });
    return window;
  }

  /** Once the window shows: the file and the cluster arrive in the background. */
  private static void start(
      MainWindow window, LaunchOptions options, UiTaskExecutor tasks, AppState state) {
    MainViewModel viewModel = window.viewModel();
    window.canvas().requestFocus();
    options.file().ifPresent(viewModel::openFromCommandLine);
    window.connection().start(options.sandbox());
    viewModel.checkForLeftovers(MainStage::leftovers);
    state.warnings().forEach(warning -> viewModel.report(warning, true));
    state
        .recovery()
        .ifPresent(store -> offerRecovery(window, viewModel, store, state.pending(), tasks));
    // Last, and only if the user turned it on: the network is not touched otherwise.
    window.updates().checkOnStartIfDue();
  }

  private static String appStylesheet() {
    return Objects.requireNonNull(MainStage.class.getResource("app.css"), "app.css")
        .toExternalForm();
  }

  private static void restorePanels(PanelLayout panels, WindowLayout layout) {
    panels.leftShown.set(layout.isShown(Panel.PALETTE));
    panels.rightShown.set(layout.isShown(Panel.INSPECTOR));
    panels.bottomShown.set(layout.isShown(Panel.PROBLEMS) || layout.isShown(Panel.YAML));
    panels.setDividers(
        layout.divider(SplitDivider.LEFT).orElse(PanelLayout.LEFT),
        layout.divider(SplitDivider.RIGHT).orElse(PanelLayout.RIGHT),
        layout.divider(SplitDivider.BOTTOM).orElse(PanelLayout.BOTTOM));
  }

  private static void restoreBounds(Stage stage, WindowLayout layout) {
    layout
        .bounds()
        .map(ScreenFit::onCurrentScreens)
        .ifPresent(
            bounds -> {
              stage.setX(bounds.x());
              stage.setY(bounds.y());
              stage.setWidth(bounds.width());
              stage.setHeight(bounds.height());
            });
    stage.setMaximized(layout.maximized());
  }

  /** Writes the layout on a non-daemon thread, so the JVM finishes the write before it exits. */
  private static void saveLayout(
      Stage stage, MainWindow window, ThemeController theme, AppState state) {
    if (state.layoutStore().isEmpty()) {
      return;
    }
    WindowLayout layout = state.layout();
    if (!stage.isMaximized()) {
      layout =
          layout.withBounds(
              new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
              false);
    } else {
      layout =
          new WindowLayout(
              layout.bounds(), true, layout.dividers(), layout.shownPanels(), layout.theme());
    }
    PanelLayout panels = window.panels();
    double[] dividers = panels.dividers();
    layout =
        layout
            .withDivider(SplitDivider.LEFT, dividers[0])
            .withDivider(SplitDivider.RIGHT, dividers[1])
            .withDivider(SplitDivider.BOTTOM, dividers[2])
            .withPanel(Panel.PALETTE, panels.leftShown.get())
            .withPanel(Panel.INSPECTOR, panels.rightShown.get())
            .withPanel(Panel.PROBLEMS, panels.bottomShown.get())
            .withPanel(Panel.YAML, panels.bottomShown.get())
            .withTheme(theme.choiceProperty().get());
    WindowLayout toSave = layout;
    Thread.ofPlatform()
        .daemon(false)
        .name("save-window-layout")
        .start(
            () -> {
              try {
                state.layoutStore().get().save(toSave);
              } catch (IOException e) {
                System.getLogger(MainStage.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot save the window layout", e);
              }
            });
  }

  /** Offers the newest recovery copy a crashed session left; the others wait for the next start. */
  private static void offerRecovery(
      MainWindow window,
      MainViewModel viewModel,
      RecoveryStore store,
      List<PendingRecovery> pending,
      UiTaskExecutor tasks) {
    if (pending.isEmpty()) {
      return;
    }
    PendingRecovery newest =
        pending.stream()
            .max(java.util.Comparator.comparing(PendingRecovery::savedAt))
            .orElseThrow();
    ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    Alert ask =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Faultline did not close normally last time. Its unsaved changes were kept.",
            restore,
            discard,
            ButtonType.CANCEL);
    ask.initOwner(window.window());
    ask.setHeaderText(newest.question(ZoneId.systemDefault(), LocalDate.now()));
    ask.getDialogPane().setId("recovery-dialog");
    ask.showAndWait()
        .ifPresent(
            answer -> {
              if (answer == restore) {
                tasks.execute(
                    () -> store.restore(newest),
                    recovered -> {
                      recovered.applyTo(viewModel.document());
                      viewModel.report(
                          "Restored unsaved changes to " + newest.displayName(), false);
                      discardLater(store, newest, tasks);
                    },
                    failure ->
                        viewModel.report("Cannot restore: " + MainViewModel.reason(failure), true));
              } else if (answer == discard) {
                discardLater(store, newest, tasks);
              }
            });
  }

  private static void discardLater(
      RecoveryStore store, PendingRecovery pending, UiTaskExecutor tasks) {
    tasks.execute(() -> store.discard(pending), done -> {}, failure -> {});
  }
}
