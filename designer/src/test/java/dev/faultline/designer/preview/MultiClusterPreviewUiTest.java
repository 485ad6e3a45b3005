package dev.faultline.designer.preview;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.FxCalls;
import dev.faultline.designer.fx.Snapshots;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.Kubeconfig;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two embedded sandboxes behind one kubeconfig (contexts {@code east}, connected, and {@code
 * west}), as in {@code MultiClusterRunIT}: the preview opens {@code west} through the app's {@link
 * KubeContextOpener}, a target naming {@code west} resolves west's pods (one of them exists only
 * there), and a misspelt context says so under its own heading.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MultiClusterPreviewUiTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String YAML =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: freeze-west-watch-east
      spec:
        targets:
          checkout-east:
            namespaces: [shop]
            labelSelector: app=checkout
          checkout-west:
            context: west
            namespaces: [shop]
            labelSelector: app=checkout
          cart-typo:
            context: wset
            namespaces: [shop]
            labelSelector: app=cart
        steps:
          - id: freeze
            attack: process.signal
            target: checkout-west
            with: {signal: SIGSTOP, process: java}
          - id: kill-east
            attack: k8s.pod.delete
            target: checkout-east
          - id: kill-cart
            attack: k8s.pod.delete
            target: cart-typo
      """;

  @TempDir static Path dir;
  private static Sandbox east;
  private static Sandbox west;
  private static ClusterConnector connector;
  private static KubernetesClient eastClient;
  private static KubernetesClient westClient;
  private static LiveSnapshot eastLive;

  private PreviewViewModel model;
  private PreviewView view;

  @BeforeAll
  static void startClusters() throws Exception {
    east = sandbox("east");
    west = sandbox("west");
    Path kubeconfig = dir.resolve("kubeconfig");
    var servers = new java.util.LinkedHashMap<String, String>();
    servers.put("east", east.url());
    servers.put("west", west.url());
    Files.writeString(kubeconfig, Kubeconfig.text(servers));
    connector =
        new ClusterConnector(
            KubeContexts.ofFiles(List.of(kubeconfig)),
            SandboxOptions.defaults().withKubeconfig(dir.resolve("unused.kc")));
    // The connected context, opened as the app opens it.
    eastClient = connector.connect(new ClusterTarget.KubeContext(ref("east")));
    westClient = connector.connect(new ClusterTarget.KubeContext(ref("west")));
    // A pod only west has: what west's target must pick, and east's must not.
    westClient
        .pods()
        .inNamespace("shop")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("checkout-only-in-west")
                .withNamespace("shop")
                .addToLabels("app", "checkout")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("shop/checkout")
                .endContainer()
                .endSpec()
                .build())
        .create();
    eastLive = LiveSnapshot.start(eastClient, Set.of(), Clock.systemUTC());
    assertThat(eastLive.awaitSynced(WAIT)).isTrue();
  }

  private static dev.faultline.cluster.ContextRef ref(String name) {
    return connector.kubeContexts().discover().contexts().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Sandbox sandbox(String name) {
    return Sandbox.start(
        SandboxOptions.defaults()
            .withKubeconfig(dir.resolve(name + ".kc"))
            .withTimings(ControllerTimings.FAST));
  }

  @AfterAll
  static void stopClusters() {
    eastLive.close();
    eastClient.close();
    westClient.close();
    connector.close();
    east.close();
    west.close();
  }

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    ReadResult read = new ExperimentReader().read(YAML, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    ExperimentDocument document = new ExperimentDocument();
    document.open(experiment, Path.of("freeze-west-watch-east.yaml"));
    StepSelection selection = new StepSelection(document);
    model = new PreviewViewModel(document, selection);
    model.setContextOpener(new KubeContextOpener(connector));
    model.homeContextProperty().set("east");
    view = new PreviewView(model);
    Scene scene = new Scene(view, 760, 560);
    scene.getStylesheets().add(PreviewView.stylesheet());
    stage.setScene(scene);
    stage.show();
    selection.select("freeze");
  }

  @Test
  void aTargetInWestResolvesWestsPodsUnderWestsHeading() throws Exception {
    FxCalls.fx(
        () -> {
          model.snapshotProperty().set(eastLive);
          return null;
        });

    FxCalls.await(
        () ->
            model.resolution() != null
                && model.resolution().matched().stream()
                    .anyMatch(p -> p.name().equals("checkout-only-in-west"))
                && model.groups().size() == 3
                && model.groups().get(1).heading().equals("west · live"),
        WAIT,
        "west's pods in the preview");

    List<String> westCheckouts = names(westClient);
    List<String> eastCheckouts = names(eastClient);
    assertThat(eastCheckouts).doesNotContain("checkout-only-in-west");
    List<ContextGroup> groups = fxGet(model::groups);
    assertThat(fxGet(() -> model.resolution().matched().stream().map(PodView::name).toList()))
        .containsExactlyInAnyOrderElementsOf(westCheckouts);
    assertThat(groups).extracting(ContextGroup::context).containsExactly("east", "west", "wset");
    assertThat(groups.get(0).heading()).isEqualTo("east (connected) · live");
    assertThat(groups.get(0).targets())
        .extracting(ContextGroup.TargetLine::text)
        .containsExactly(
            "checkout-east · %d of %d pods".formatted(eastCheckouts.size(), eastCheckouts.size()));
    assertThat(groups.get(1).targets().get(0).pods()).contains("checkout-only-in-west");
    assertThat(groups.get(2).message())
        .isEqualTo("no kubeconfig context 'wset'; did you mean 'west'?");
    assertThat(fxGet(model::header)).contains("target checkout-west in west");

    Path png = FxCalls.fx(() -> Snapshots.write(view, "multi-cluster-preview"));
    assertThat(png).exists();

    FxCalls.fx(
        () -> {
          model.dispose();
          return null;
        });
  }

  private static List<String> names(KubernetesClient client) {
    return client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems().stream()
        .map(Pod::getMetadata)
        .map(m -> m.getName())
        .toList();
  }

  private static <T> T fxGet(Callable<T> work) {
    try {
      return FxCalls.fx(work);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * docs/screenshot-multi-cluster-preview.png: the connected east, west's target resolved there, a
   * misspelt context under its own heading. Run with {@code -Pscreenshots}.
   */
  @Test
  @Tag("screenshots")
  void drawsTheMultiClusterPreviewScreenshot() throws Exception {
    FxCalls.fx(
        () -> {
          model.snapshotProperty().set(eastLive);
          return null;
        });
    FxCalls.await(
        () ->
            model.resolution() != null
                && model.groups().size() == 3
                && model.groups().get(1).heading().equals("west · live"),
        WAIT,
        "west's pods in the preview");
    Path png = FxCalls.fx(() -> Snapshots.write(view, "multi-cluster-preview"));
    java.nio.file.Files.copy(
        png,
        Path.of("..", "docs", "screenshot-multi-cluster-preview.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    FxCalls.fx(
        () -> {
          model.dispose();
          return null;
        });
  }
}
