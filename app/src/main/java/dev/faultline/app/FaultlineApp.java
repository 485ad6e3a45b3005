package dev.faultline.app;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme and shows the main window. */
public final class FaultlineApp extends Application {

  private MainWindow window;
  private AppState state = AppState.none();

  /** Reads what the app remembers, on the launcher thread: no file IO on the FX thread. */
  @Override
  public void init() {
    state = AppState.load();
  }

  @Override
  public void start(Stage stage) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(getParameters().getRaw());
    } catch (IllegalArgumentException e) {
      // Launcher rejects unknown options before JavaFX starts; another entry point may not.
      options = LaunchOptions.NONE;
    }
    Optional<LaunchProbe> probe = probe(stage, options);
    MainStage.showProgressively(
        stage,
        options,
        new FxTaskExecutor(),
        FabricClusterService.standard(options.kubeconfig().map(Path::of)),
        state,
        shown -> {
          window = shown;
          shown.updates().setBrowser(getHostServices()::showDocument);
          probe.ifPresent(p -> p.afterNextPulse(stage, "windowBuilt"));
          AppIcon.install(stage); // rendered in the background, set in one runLater
        });
  }

  /**
   * The start-up timing {@link LaunchProbe} when its environment variable is set: first frame,
   * built window and, when a file was named, the frame after its name reached the title.
   */
  private static Optional<LaunchProbe> probe(Stage stage, LaunchOptions options) {
    Optional<LaunchProbe> probe = LaunchProbe.fromEnvironment(options.file().isPresent() ? 3 : 2);
    probe.ifPresent(
        p -> {
          p.observe(stage);
          options
              .file()
              .map(file -> Path.of(file).getFileName().toString())
              .ifPresent(
                  name ->
                      stage
                          .titleProperty()
                          .addListener(
                              (title, before, now) -> {
                                if (now != null && now.contains(name)) {
                                  p.afterNextPulse(stage, "fileShown");
                                }
                              }));
        });
    return probe;
  }

  /** Platform exit: release the cluster connection and stop the sandbox (idempotent). */
  @Override
  public void stop() {
    if (window != null) {
      window.connection().close();
    }
  }

  /** Installs the default theme; global to the JavaFX runtime, so call it before any window. */
  static void applyDefaultTheme() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }
}
