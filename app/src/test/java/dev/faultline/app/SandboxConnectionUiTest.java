package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.FabricClusterService;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code faultline-designer --sandbox}: the real window starts the real embedded sandbox and shows
 * what the probe found. Kubeconfig discovery sees an empty environment and a temporary home.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SandboxConnectionUiTest {

  private final List<Throwable> fxFailures = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void noFailuresOnTheFxThread() {
    assertThat(fxFailures).isEmpty();
  }

  @Test
  void theStatusShowsTheSandboxAndTheListOffersIt(FxRobot robot) throws Exception {
    Path kubeconfig = dir.resolve("data/sandbox/kubeconfig");
    FabricClusterService clusters =
        new FabricClusterService(
            new KubeContexts(Map.of(), dir.resolve("home")),
            SandboxOptions.defaults().withKubeconfig(kubeconfig),
            dir.resolve("data/contexts.yaml"));
    Stage stage = FxToolkit.registerStage(Stage::new);
    robot.interact(
        () -> {
          Thread.currentThread()
              .setUncaughtExceptionHandler((thread, failure) -> fxFailures.add(failure));
          MainStage.show(
              stage,
              new LaunchOptions(true, Optional.empty(), false),
              new FxTaskExecutor(),
              clusters);
        });
    try {
      Label status = robot.from(stage.getScene().getRoot()).lookup("#connection-status").query();
      try {
        await(20, () -> status.getText().endsWith("live"));
      } catch (AssertionError e) {
        throw new AssertionError("status stayed at: " + status.getText(), e);
      }

      // The probe's summary, then the live snapshot's state once its first lists arrived.
      assertThat(status.getText())
          .isEqualTo("faultline-sandbox \u00b7 v1.35.0 \u00b7 19 pods in 5 namespaces \u00b7 live");
      assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("connected");
      MenuButton switcher =
          robot.from(stage.getScene().getRoot()).lookup("#context-switcher").query();
      assertThat(switcher.getText()).isEqualTo("faultline-sandbox");
      assertThat(switcher.getItems())
          .extracting(MenuItem::getText)
          .contains("Embedded sandbox", "No kubeconfig contexts", "Reload kubeconfig");
      assertThat(switcher.getTooltip().getText())
          .contains("kubectl --kubeconfig " + kubeconfig + " get pods -A");
    } finally {
      robot.interact(stage::close);
    }

    // Closing the window stops the sandbox: its port stops answering.
    int port = URI.create(server(kubeconfig)).getPort();
    await(10, () -> !listening(port));
  }

  private static String server(Path kubeconfig) throws IOException {
    return Files.readAllLines(kubeconfig).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("server:"))
        .map(line -> line.substring("server:".length()).strip())
        .findFirst()
        .orElseThrow();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void await(int seconds, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Condition not met within " + seconds + " s", e);
    }
  }
}
