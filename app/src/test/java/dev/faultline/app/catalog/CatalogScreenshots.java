package dev.faultline.app.catalog;

import dev.faultline.app.ScreenCapture;
import dev.faultline.app.prefs.CatalogPrefs;
import dev.faultline.cluster.catalog.ExperimentCatalog;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders docs/screenshot-cluster-catalog.png: the Open from Cluster Catalog dialog on a sandbox
 * whose team namespace holds a few examples. Run with {@code -Pscreenshots}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class CatalogScreenshots {
  @TempDir Path dir;
  private Stage stage;

  @Start
  void start(Stage stage) {
    // An owner window of our own: TestFX shares its primary stage between test classes, and
    // resizing it here would change the window size the main-window tests start from.
    this.stage = new Stage();
    // The app's own theme, as in the other screenshots.
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    this.stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
    this.stage.show();
  }

  @Test
  void openDialog(FxRobot robot) throws Exception {
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withKubeconfig(dir.resolve("kc"))
                    .withDemoServices(false)
                    .withTimings(ControllerTimings.FAST));
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig())))
                .build()) {
      var shop = new ExperimentCatalog(client, "shop", "alice (kind-admin)", Clock.systemUTC());
      var bob = new ExperimentCatalog(client, "shop", "bob", Clock.systemUTC());
      var freeze = CatalogDialogsUiTest.example("checkout-freeze-and-recover.yaml");
      shop.save(freeze, "first cut");
      bob.save(
          CatalogDialogsUiTest.describedAs(
              freeze, freeze.metadata().description() + " Now with a 2-minute budget."),
          "longer recovery budget");
      shop.save(CatalogDialogsUiTest.example("network-delay.yaml"), "");
      bob.save(CatalogDialogsUiTest.example("pod-delete-steady-state.yaml"), "");
      shop.save(CatalogDialogsUiTest.example("checkout-game-day.yaml"), "");
      Files.writeString(dir.resolve("catalog.json"), "{\"namespace\":\"shop\"}");
      var model =
          new OpenCatalogViewModel(
              ns -> new ExperimentCatalog(client, ns, "x", Clock.systemUTC()),
              new FxTaskExecutor(),
              new CatalogPrefs(dir));
      OpenCatalogDialog[] dialog = new OpenCatalogDialog[1];
      robot.interact(
          () -> {
            dialog[0] = new OpenCatalogDialog(stage, "faultline-sandbox", model, o -> {});
            dialog[0].show();
            model.start();
          });
      CatalogDialogsUiTest.until("listed", () -> model.shown().size() == 4);
      robot.interact(
          () ->
              robot
                  .lookup("#catalog-table")
                  .queryAs(javafx.scene.control.TableView.class)
                  .getSelectionModel()
                  .select(
                      model.shown().stream()
                          .filter(e -> e.versions() == 2)
                          .findFirst()
                          .orElseThrow()));
      CatalogDialogsUiTest.until("versions", () -> model.versions().size() == 2);
      org.testfx.util.WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
      WritableImage[] image = new WritableImage[1];
      robot.interact(
          () -> image[0] = dialog[0].getDialogPane().getScene().getRoot().snapshot(null, null));
      ScreenCapture.write(image[0], ScreenCapture.DOCS.resolve("screenshot-cluster-catalog.png"));
      robot.interact(
          () ->
              Window.getWindows().stream()
                  .filter(w -> w == stage || w instanceof Stage s && s.getOwner() == stage)
                  .toList()
                  .forEach(Window::hide));
    }
  }
}
