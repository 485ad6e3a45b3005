package dev.faultline.app;

import dev.faultline.app.connection.ClusterService;
import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a live embedded sandbox with a file open, as the run UI tests drive it,
 * plus a client of that sandbox to watch pods with.
 */
record LiveRunWindow(Stage stage, MainWindow window, KubernetesClient client) {

  /**
   * Opens {@code file} in a new window whose sandbox lives under {@code dir}; uncaught failures on
   * the FX thread go to {@code fxFailures}. Waits until the sandbox is live and the file is open
   * without problems.
   */
  static LiveRunWindow open(FxRobot robot, Path dir, Path file, List<Throwable> fxFailures)
      throws Exception {
    Path kubeconfig = dir.resolve("data/sandbox/kubeconfig");
    FabricClusterService clusters =
        new FabricClusterService(
            new KubeContexts(Map.of(), dir.resolve("home")),
            SandboxOptions.defaults().withKubeconfig(kubeconfig),
            dir.resolve("data/contexts.yaml"));
    return open(robot, clusters, true, file, fxFailures, kubeconfig, null);
  }

  /**
   * Opens {@code file} in a new window on {@code clusters}: its embedded sandbox when {@code
   * sandbox}, else the current context of its kubeconfig. The client returned talks to {@code
   * clientKubeconfig}'s {@code clientContext} (null: its current one).
   */
  static LiveRunWindow open(
      FxRobot robot,
      ClusterService clusters,
      boolean sandbox,
      Path file,
      List<Throwable> fxFailures,
      Path clientKubeconfig,
      String clientContext)
      throws Exception {
    Path kubeconfig = clientKubeconfig;
    Stage stage = FxToolkit.registerStage(Stage::new);
    MainWindow[] shown = new MainWindow[1];
    robot.interact(
        () -> {
          Thread.currentThread()
              .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
          shown[0] =
              MainStage.show(
                  stage,
                  new LaunchOptions(sandbox, Optional.empty(), false, Optional.empty()),
                  new FxTaskExecutor(),
                  clusters);
          stage.setWidth(1400);
          stage.setHeight(900);
          shown[0].viewModel().open(file.toAbsolutePath().normalize());
        });
    MainWindow window = shown[0];
    // Generous: starting the sandbox (API server, controllers, demo services) is the slow part on
    // a loaded two-core machine.
    try {
      Await.until(
          90,
          "the cluster is live and the file open",
          () ->
              fx(() -> window.connection().liveClusterProperty().get() != null)
                  && fx(() -> !window.viewModel().document().experiment().spec().steps().isEmpty())
                  && fx(() -> window.viewModel().problems().problems().isEmpty()));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + fx(
                  () ->
                      "; connection: "
                          + window.connection().statusTextProperty().get()
                          + ", problems: "
                          + window.viewModel().problems().problems()),
          e);
    }
    Config config =
        Config.fromKubeconfig(clientContext, Files.readString(kubeconfig), kubeconfig.toString());
    return new LiveRunWindow(
        stage, window, new KubernetesClientBuilder().withConfig(config).build());
  }

  /**
   * Stops a run still under way and waits for its rollback, then hides the window (which releases
   * its connection): what the run tests do after each test, as the app does on close.
   */
  static void close(FxRobot robot, Stage stage, MainWindow window) {
    robot.interact(() -> window.runs().emergencyStop());
    Await.until(60, "the run is rolled back", () -> !fx(() -> window.runs().activeBinding().get()));
    robot.interact(
        () -> {
          if (stage.isShowing()) {
            stage.hide();
          }
        });
  }

  /** Whether {@code pod} carries a {@code faultline.dev/} annotation: a fault still marked. */
  static boolean marked(io.fabric8.kubernetes.api.model.Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    return annotations != null
        && annotations.keySet().stream().anyMatch(k -> k.startsWith("faultline.dev/"));
  }

  private static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
