package dev.faultline.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.prefs.CatalogPrefs;
import dev.faultline.cluster.catalog.CatalogVersion;
import dev.faultline.cluster.catalog.ExperimentCatalog;
import dev.faultline.cluster.catalog.OpenedExperiment;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.model.Metadata;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The two catalog dialogs on the real sandbox: listing, searching and opening a chosen version;
 * saving new versions, an unchanged save, and errors shown in the dialog.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CatalogDialogsUiTest {
  static final Path EXAMPLES = Path.of("..", "docs", "examples");
  @TempDir static Path shared;
  @TempDir Path config;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private Stage stage;

  @BeforeAll
  static void startSandbox() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(shared.resolve("kc"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig())))
            .build();
  }

  @AfterAll
  static void stopSandbox() {
    client.close();
    sandbox.close();
  }

  @Start
  void start(Stage stage) {
    // An owner window of our own: TestFX shares its primary stage between test classes, and
    // resizing it here would change the window size the main-window tests start from.
    this.stage = new Stage();
    this.stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
    this.stage.show();
  }

  @AfterEach
  void closeDialogs(FxRobot robot) {
    robot.interact(
        () ->
            javafx.stage.Window.getWindows().stream()
                .filter(w -> w == stage || w instanceof Stage s && s.getOwner() == stage)
                .toList()
                .forEach(javafx.stage.Window::hide));
  }

  static Experiment example(String file) {
    return new ExperimentReader().read(EXAMPLES.resolve(file)).experiment().orElseThrow();
  }

  static Experiment describedAs(Experiment e, String description) {
    Metadata m = e.metadata();
    return new Experiment(
        new Metadata(m.name(), description, m.labels(), m.extras()),
        e.spec(),
        e.layout(),
        e.extras());
  }

  private static CatalogSource source() {
    return ns -> new ExperimentCatalog(client, ns, "alice", Clock.systemUTC());
  }

  @Test
  void listsSearchesAndOpensAChosenVersion(FxRobot robot) throws Exception {
    Experiment freeze = example("checkout-freeze-and-recover.yaml");
    ExperimentCatalog shop = new ExperimentCatalog(client, "shop", "alice", Clock.systemUTC());
    shop.save(freeze, "first");
    shop.save(describedAs(freeze, "Freeze checkout, then recover (second take)"), "second");
    shop.save(example("network-delay.yaml"), "");
    AtomicReference<OpenedExperiment> opened = new AtomicReference<>();
    var model = new OpenCatalogViewModel(source(), new FxTaskExecutor(), new CatalogPrefs(config));
    robot.interact(
        () -> {
          new OpenCatalogDialog(stage, "faultline-sandbox", model, opened::set).show();
          model.start();
        });

    Label status = robot.lookup("#catalog-status").queryAs(Label.class);
    until(
        "the default namespace is listed",
        () -> status.getText().startsWith("No experiments in default"));
    TextField namespace = robot.lookup("#catalog-namespace").queryAs(TextField.class);
    assertThat(namespace.getText()).isEqualTo("default");
    robot.interact(() -> namespace.setText("shop"));
    robot.clickOn("#catalog-list");
    until("shop is listed", () -> status.getText().equals("2 experiments in shop."));

    @SuppressWarnings("unchecked")
    TableView<dev.faultline.cluster.catalog.CatalogEntry> table =
        robot.lookup("#catalog-table").queryAs(TableView.class);
    robot.interact(
        () -> robot.lookup("#catalog-search").queryAs(TextField.class).setText("NETWORK"));
    assertThat(table.getItems())
        .extracting(e -> e.name())
        .containsExactly("checkout-network-delay");
    robot.interact(() -> robot.lookup("#catalog-search").queryAs(TextField.class).setText(""));
    assertThat(table.getItems()).hasSize(2);

    robot.interact(() -> table.getSelectionModel().select(0));
    @SuppressWarnings("unchecked")
    ComboBox<Integer> version = robot.lookup("#catalog-version").queryAs(ComboBox.class);
    until("both versions are offered", () -> version.getItems().equals(List.of(2, 1)));
    assertThat(version.getValue()).isEqualTo(2);
    robot.interact(() -> version.setValue(1));
    robot.clickOn("#catalog-open-button");
    until("the version is opened", () -> opened.get() != null);

    assertThat(opened.get().version().version()).isEqualTo(1);
    assertThat(opened.get().read().experiment()).contains(freeze);
    assertThat(opened.get().origin()).isEqualTo("shop/" + freeze.metadata().name() + " v1");
    until("the dialog closes", () -> robot.lookup("#catalog-open").tryQuery().isEmpty());
    assertThat(new CatalogPrefs(config).lastNamespace()).isEqualTo("shop");
  }

  @Test
  void aMissingNamespaceIsShownInTheDialog(FxRobot robot) {
    var model = new OpenCatalogViewModel(source(), new FxTaskExecutor(), new CatalogPrefs(config));
    robot.interact(
        () -> {
          new OpenCatalogDialog(stage, "faultline-sandbox", model, o -> {}).show();
          model.namespaceProperty().set("no-such-team");
          model.load();
        });
    Label status = robot.lookup("#catalog-status").queryAs(Label.class);
    until(
        "the error shows",
        () -> status.getText().equals("namespace \"no-such-team\" does not exist"));
    assertThat(status.getStyleClass()).contains("danger");
    assertThat(robot.lookup("#catalog-open-button").queryButton().isDisabled()).isTrue();
  }

  @Test
  void savesNewVersionsAndSaysWhenNothingChanged(FxRobot robot) throws Exception {
    var document = new ExperimentDocument();
    Experiment delay = example("network-delay.yaml");
    var model = new SaveCatalogViewModel(source(), new FxTaskExecutor(), new CatalogPrefs(config));
    robot.interact(
        () -> {
          document.open(delay, EXAMPLES.resolve("network-delay.yaml"));
          new SaveCatalogDialog(stage, "faultline-sandbox", model, document).show();
          model.start();
        });
    TextField namespace = robot.lookup("#catalog-save-namespace").queryAs(TextField.class);
    until("the namespace is filled in", () -> "default".equals(namespace.getText()));
    robot.interact(
        () -> {
          namespace.setText("payments");
          robot
              .lookup("#catalog-save-message")
              .queryAs(TextField.class)
              .setText("shared for the game day");
        });
    Label status = robot.lookup("#catalog-save-status").queryAs(Label.class);
    Button save = robot.lookup("#catalog-save-button").queryButton();

    robot.clickOn(save);
    until(
        "version 1 is saved",
        () -> status.getText().equals("Saved checkout-network-delay as version 1 in payments."));
    robot.clickOn(save);
    until(
        "the unchanged save is reported",
        () -> status.getText().equals("Unchanged: version 1 in payments already holds this."));
    robot.interact(() -> document.openFrom(describedAs(delay, "slower"), "edited"));
    robot.clickOn(save);
    until(
        "version 2 is saved",
        () -> status.getText().equals("Saved checkout-network-delay as version 2 in payments."));

    List<CatalogVersion> history =
        new ExperimentCatalog(client, "payments", "x", Clock.systemUTC())
            .history("checkout-network-delay");
    assertThat(history).extracting(CatalogVersion::message).containsOnly("shared for the game day");
    assertThat(history).extracting(CatalogVersion::savedBy).containsOnly("alice");
    assertThat(history).hasSize(2);
  }

  @Test
  void anExperimentWithErrorsIsNotShared(FxRobot robot) {
    var document = new ExperimentDocument();
    var model = new SaveCatalogViewModel(source(), new FxTaskExecutor(), new CatalogPrefs(config));
    robot.interact(
        () -> {
          document.openUnparsedFrom("spec: [", "typed");
          new SaveCatalogDialog(stage, "faultline-sandbox", model, document).show();
        });
    robot.clickOn("#catalog-save-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#catalog-save-status").queryAs(Label.class).getText())
        .isEqualTo("The text does not parse; fix it before sharing the experiment.");
    assertThat(model.errorProperty().get()).isTrue();
  }

  static void until(String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Not within 30 s: " + what, e);
    }
  }
}
