package dev.faultline.designer.preview;

import static dev.faultline.designer.preview.MutableSnapshot.pod;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.designer.SandboxClients;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.designer.fx.FxCalls;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.model.Topology;
import dev.faultline.model.edit.PutTarget;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.WorkloadCount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The preview rendered on the headless platform against the real embedded sandbox cluster: a live
 * snapshot of it, the demo shop's checkout pods, a pod deleted with the Kubernetes client, a label
 * selector typed into the document.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PreviewUiTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String YAML =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: checkout-preview
      spec:
        safety:
          namespaces: {allow: [shop], deny: [kube-system]}
        targets:
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            containers: [app]
          half:
            namespaces: [shop]
            labelSelector: app=checkout
            blastRadius: {mode: count, value: 1}
        steps:
          - id: kill
            attack: k8s.pod.delete
            target: checkout
          - id: kill-one
            attack: k8s.pod.delete
            target: half
      """;

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private static LiveSnapshot live;

  private ExperimentDocument document;
  private StepSelection selection;
  private PreviewViewModel model;
  private PreviewView view;

  @BeforeAll
  static void startCluster() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST)
                .withDemoServices(false));
    client = SandboxClients.of(sandbox);
    live = LiveSnapshot.start(client, Set.of(), Clock.systemUTC());
    assertThat(live.awaitSynced(Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  static void stopCluster() {
    live.close();
    client.close();
    sandbox.close();
  }

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    ReadResult read = new ExperimentReader().read(YAML, Syntax.YAML);
    Experiment experiment =
        read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
    document = new ExperimentDocument();
    document.open(experiment, Path.of("checkout-preview.yaml"));
    selection = new StepSelection(document);
    model = new PreviewViewModel(document, selection);
    view = new PreviewView(model);
    Scene scene = new Scene(view, 1000, 700);
    scene.getStylesheets().add(PreviewView.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void showsTheSelectedPodsAndFollowsADeletionInTheCluster(FxRobot robot) throws Exception {
    fx(
        () -> {
          model.snapshotProperty().set(live);
          selection.select("kill");
          return null;
        });
    TableView<SelectedPod> pods = robot.lookup("#preview-pods").queryTableView();
    await(() -> pods.getItems().size() == 3, "three checkout pods shown");
    List<String> before = fx(() -> names(pods));
    assertThat(before).allMatch(n -> n.startsWith("checkout-"));
    // Pod names shorten in the narrow side panel: each cell's tooltip keeps the whole name.
    List<String> podTooltips =
        fx(
            () ->
                pods.lookupAll(".table-cell").stream()
                    .map(node -> (javafx.scene.control.TableCell<?, ?>) node)
                    .filter(
                        cell -> !cell.isEmpty() && "Pod".equals(cell.getTableColumn().getText()))
                    .map(cell -> cell.getTooltip() == null ? "" : cell.getTooltip().getText())
                    .toList());
    assertThat(podTooltips).hasSize(3).containsExactlyInAnyOrderElementsOf(before);
    assertThat(fx(() -> pods.getItems().getFirst().containers())).containsExactly("app");
    assertThat(robot.lookup("#preview-header").queryAs(Label.class).getText())
        .isEqualTo("3 of 3 pods selected · target checkout · live");
    TableView<WorkloadCount> workloads = robot.lookup("#preview-workloads").queryTableView();
    assertThat(fx(() -> List.copyOf(workloads.getItems())))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.name()).isEqualTo("checkout");
              assertThat(w.selected()).isEqualTo(3);
              assertThat(w.replicas()).isEqualTo(3);
            });
    TableView<?> nodes = robot.lookup("#preview-nodes").queryTableView();
    assertThat(fx(() -> nodes.getItems().size())).isBetween(1, 3);
    // Selecting all three is an outage of the workload: the engine's warning is shown.
    assertThat(fx(() -> warningTitles(robot))).contains("Whole workload selected");
    // Badges for both attacks: all of checkout, and one of it.
    await(() -> model.counts().size() == 2, "both badges");
    assertThat(fx(() -> model.counts().get("kill"))).isEqualTo(new PreviewCount(3, 3));
    assertThat(fx(() -> model.counts().get("kill-one"))).isEqualTo(new PreviewCount(1, 3));

    String victim = before.getFirst();
    client.pods().inNamespace("shop").withName(victim).withGracePeriod(0).delete();

    await(
        () -> !names(pods).contains(victim) && pods.getItems().size() == 3,
        "deleted pod gone and its replacement shown");
    assertThat(fx(() -> names(pods))).doesNotContain(victim).hasSize(3);
    List<String> inCluster =
        client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems().stream()
            .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
            .map(p -> p.getMetadata().getName())
            .sorted()
            .toList();
    await(() -> names(pods).equals(inCluster), "the table lists the cluster's checkout pods");
  }

  @Test
  void typingALabelSelectorUpdatesThePreview(FxRobot robot) throws Exception {
    fx(
        () -> {
          model.snapshotProperty().set(live);
          selection.select("kill");
          return null;
        });
    TableView<SelectedPod> pods = robot.lookup("#preview-pods").queryTableView();
    await(() -> pods.getItems().size() == 3, "checkout pods shown");

    // Typing "app=cart" one key at a time, as the inspector's field would edit the document.
    for (String typed : List.of("app=c", "app=ca", "app=car", "app=cart")) {
      assertThat(fx(() -> type(typed))).isEmpty();
      if (typed.equals("app=ca")) {
        await(() -> pods.getItems().isEmpty(), "nothing matches app=ca");
        await(() -> warningTitles(robot).contains("Nothing to hit"), "no-match warning");
      }
    }
    await(
        () ->
            pods.getItems().size() == 3
                && names(pods).stream().allMatch(n -> n.startsWith("cart-")),
        "cart pods shown");
    await(() -> new PreviewCount(3, 3).equals(model.counts().get("kill")), "badge follows");
    assertThat(fx(() -> model.counts().get("kill-one"))).isEqualTo(new PreviewCount(1, 3));

    assertThat(fx(() -> type("app in (cart"))).isEmpty();
    await(() -> model.resolution() == null, "an invalid selector shows no pods");
    assertThat(fx(model::status)).contains("labelSelector");
    assertThat(fx(() -> ((Label) pods.getPlaceholder()).getText())).contains("labelSelector");
  }

  @Test
  void aTopologyBlastRadiusShowsItsZonesAndNodesAtTheSidePanelsWidth(FxRobot robot)
      throws Exception {
    fx(
        () -> {
          model.snapshotProperty().set(live);
          selection.select("kill");
          Target checkout = document.experiment().spec().targets().get("checkout");
          return document.edit(
              new PutTarget(
                  "checkout",
                  checkout.toBuilder().labelSelector(null).topology(Topology.zones(2, 1)).build(),
                  "Edit zones",
                  "checkout.topology"));
        });
    ZoneTree zones = robot.lookup("#preview-zones").queryAs(ZoneTree.class);
    await(() -> zones.isVisible() && !zones.rows().isEmpty(), "zone grouping shown");
    assertThat(fx(zones::titleText)).isEqualTo("Zones: 2 of 3 chosen");
    List<String> rows = fx(zones::rows);
    assertThat(rows.stream().filter(r -> r.matches("zone-[abc]: 1 of [23] nodes, [1-9]\\d* pods")))
        .hasSize(2);
    assertThat(rows.stream().filter(r -> r.startsWith("  ● sandbox-node-"))).hasSize(2);
    TableView<SelectedPod> pods = robot.lookup("#preview-pods").queryTableView();
    assertThat(fx(() -> pods.getItems().stream().map(p -> p.pod().node()).distinct().count()))
        .isEqualTo(2);

    fx(
        () -> {
          view.getScene().getWindow().setWidth(330);
          return null;
        });
    await(() -> view.getWidth() <= 340, "the side panel's width");
    java.nio.file.Path png =
        fx(() -> dev.faultline.designer.fx.Snapshots.write(view, "preview-zones"));
    assertThat(png).exists();
  }

  @Test
  void aBurstOf200ChangesCostsAFewUpdatesNotOneEach() throws Exception {
    var cluster = new MutableSnapshot(List.of(pod("shop", "checkout", "checkout-0", "node-1")));
    var updates = new AtomicInteger();
    var pulses = new AtomicInteger();
    AnimationTimer pulseCounter =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulses.incrementAndGet();
          }
        };
    fx(
        () -> {
          model.snapshotProperty().set(cluster);
          selection.select("kill");
          return null;
        });
    await(() -> model.resolution() != null, "first resolution");
    fx(
        () -> {
          model.resolutionProperty().addListener((o, was, now) -> updates.incrementAndGet());
          pulseCounter.start();
          return null;
        });
    int pulsesBefore = pulses.get();
    for (int i = 1; i <= 200; i++) {
      cluster.add(pod("shop", "checkout", "checkout-" + i, "node-" + (i % 3)));
      LockSupport.parkNanos(200_000); // 200 changes in about 50 ms: a few frames
    }
    await(() -> model.resolution().matched().size() == 201, "all 201 pods shown");
    int frames = fx(() -> pulses.get() - pulsesBefore);
    fx(
        () -> {
          pulseCounter.stop();
          return null;
        });
    assertThat(updates.get()).isLessThanOrEqualTo(frames + 1).isLessThan(40);
  }

  /** One keystroke's edit of the checkout target's label selector; the refusal, if any. */
  private java.util.Optional<String> type(String selector) {
    Target checkout = document.experiment().spec().targets().get("checkout");
    return document.edit(
        new PutTarget(
            "checkout",
            checkout.toBuilder().labelSelector(selector).build(),
            "Edit label selector",
            "checkout.labelSelector"));
  }

  private static List<String> names(TableView<SelectedPod> pods) {
    return pods.getItems().stream().map(s -> s.pod().name()).sorted().toList();
  }

  private static List<String> warningTitles(FxRobot robot) {
    VBox box = robot.lookup("#preview-warnings").queryAs(VBox.class);
    return box.getChildren().stream().map(n -> ((Message) n).getTitle()).toList();
  }

  /** Polls {@code condition} on the FX thread until it holds. */
  private static void await(Callable<Boolean> condition, String what) throws Exception {
    FxCalls.await(condition, WAIT, what);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return FxCalls.fx(work);
  }
}
