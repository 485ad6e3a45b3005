package dev.faultline.designer.preview;

import static dev.faultline.designer.preview.MutableSnapshot.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.designer.document.ExperimentDocument;
import dev.faultline.designer.document.StepSelection;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.ReadResult;
import dev.faultline.format.Syntax;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import dev.faultline.model.edit.PutTarget;
import dev.faultline.target.Seeds;
import dev.faultline.target.TargetResolution;
import dev.faultline.target.TargetResolver;
import dev.faultline.target.TargetWarning;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreviewViewModelTest {
  private static final String YAML =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: preview-test
      spec:
        safety:
          namespaces: {allow: [shop, payments], deny: [kube-system]}
        targets:
          checkout:
            namespaces: [shop]
            labelSelector: app=checkout
            containers: [app]
            blastRadius: {mode: percent, value: 50}
          system:
            namespaces: [kube-system]
            labelSelector: app=coredns
        steps:
          - id: freeze
            attack: process.signal
            target: checkout
            with: {signal: SIGSTOP, process: java}
          - id: check
            after: [freeze]
            probe: http.check
            timeout: 10s
            with: {url: "http://checkout.shop/health"}
          - id: kill
            after: [check]
            attack: k8s.pod.delete
            target: checkout
          - id: dns
            attack: k8s.pod.delete
            target: system
          - id: nap
            wait: 5s
      """;

  private final ExperimentDocument document = new ExperimentDocument();
  private final StepSelection selection = new StepSelection(document);
  private final ManualFrames frames = new ManualFrames();
  private final MutableSnapshot cluster =
      new MutableSnapshot(
          List.of(
              pod("shop", "checkout", "checkout-a", "node-1"),
              pod("shop", "checkout", "checkout-b", "node-2"),
              pod("shop", "checkout", "checkout-c", "node-2"),
              pod("shop", "cart", "cart-a", "node-1"),
              pod("kube-system", "coredns", "coredns-a", "node-1")));
  private PreviewViewModel model;

  @BeforeEach
  void open() {
    document.open(experiment(), java.nio.file.Path.of("preview-test.yaml"));
    model = new PreviewViewModel(document, selection, Runnable::run, frames);
  }

  private static Experiment experiment() {
    ReadResult read = new ExperimentReader().read(YAML, Syntax.YAML);
    return read.experiment().orElseThrow(() -> new AssertionError(read.problems()));
  }

  private void connect() {
    model.snapshotProperty().set(cluster);
    frames.pulse();
  }

  @Test
  void saysWhatIsMissingBeforeThereIsAnythingToShow() {
    assertThat(model.status()).isEqualTo("Select an attack to preview its targets");
    selection.select("freeze");
    assertThat(model.status()).isEqualTo("Not connected to a cluster");
    assertThat(model.header()).isEqualTo("target checkout · not connected");
    assertThat(model.resolution()).isNull();
    assertThat(model.counts()).isEmpty();

    selection.select("check");
    connect();
    assertThat(model.status()).contains("reads no target").contains("Select an attack");
    selection.select("nap");
    assertThat(model.status()).isEqualTo("Select an attack to preview its targets");
    assertThat(model.resolution()).isNull();
  }

  @Test
  void showsThePodsARunWouldPickWithTheExperimentsPolicyAndSeed() {
    selection.select("freeze");
    connect();

    TargetResolution shown = model.resolution();
    assertThat(shown).isNotNull();
    assertThat(shown.matched())
        .extracting(PodView::name)
        .containsExactly("checkout-a", "checkout-b", "checkout-c");
    assertThat(shown.selected()).hasSize(2); // 50 % of 3, rounded up
    assertThat(shown.selected()).allSatisfy(s -> assertThat(s.containers()).containsExactly("app"));
    // The same choice the engine makes: spec.safety's policy, the per-experiment-and-target seed.
    Experiment experiment = document.experiment();
    TargetResolution engine =
        TargetResolver.resolve(
            experiment.spec().targets().get("checkout"),
            cluster,
            experiment.spec().effectiveSafety().effectiveNamespaces(),
            Seeds.forTarget("preview-test", "checkout"));
    assertThat(shown.selectedPods()).isEqualTo(engine.selectedPods());
    assertThat(model.header()).isEqualTo("2 of 3 pods selected · target checkout · live");
    assertThat(model.status()).isEmpty();
    assertThat(model.shownStepProperty().get()).isEqualTo("freeze");
    assertThat(model.shownTargetProperty().get()).isEqualTo("checkout");
  }

  @Test
  void withNoStepSelectedTheTargetBeingEditedIsShownAndASelectedStepWins() {
    connect();
    model.focusedTargetProperty().set("checkout");
    frames.pulse();
    assertThat(model.shownTargetProperty().get()).isEqualTo("checkout");
    assertThat(model.resolution()).isNotNull();
    assertThat(model.resolution().selected()).hasSize(2);

    selection.select("dns"); // the step's target, kube-system's, replaces the edited one
    frames.pulse();
    assertThat(model.shownTargetProperty().get()).isEqualTo("system");

    selection.clear();
    model.focusedTargetProperty().set("no-such-target"); // renamed or removed meanwhile
    frames.pulse();
    assertThat(model.shownTargetProperty().get()).isNull();
    assertThat(model.status()).isEqualTo("Select an attack to preview its targets");
  }

  @Test
  void countsEveryAttackWithATargetButNoOtherStep() {
    connect();
    assertThat(model.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "freeze", new PreviewCount(2, 3),
                "kill", new PreviewCount(2, 3),
                // kube-system is denied by spec.safety: nothing matches there
                "dns", new PreviewCount(0, 0)));
    assertThat(model.counts().get("freeze").text()).isEqualTo("2/3");

    selection.select("dns");
    frames.pulse();
    assertThat(model.resolution().has(TargetWarning.Type.DENIED_NAMESPACE)).isTrue();
  }

  @Test
  void followsClusterChangesAtTheNextFrame() {
    selection.select("freeze");
    connect();
    cluster.add(pod("shop", "checkout", "checkout-d", "node-3"));
    assertThat(model.resolution().matched()).hasSize(3); // not before the frame
    frames.pulse(); // sees the new version, resolves, asks for the frame that applies it
    frames.pulse();
    assertThat(model.resolution().matched()).hasSize(4);
    assertThat(model.counts().get("kill")).isEqualTo(new PreviewCount(2, 4));
    assertThat(model.resolution().nodes())
        .extracting(n -> n.node())
        .containsExactly("node-1", "node-2", "node-3");

    cluster.remove("checkout-a");
    cluster.remove("checkout-b");
    frames.pulse();
    frames.pulse();
    assertThat(model.resolution().matched())
        .extracting(PodView::name)
        .containsExactly("checkout-c", "checkout-d");
    assertThat(model.appliedVersionProperty().get()).isEqualTo(cluster.version());
  }

  @Test
  void editingTheTargetResolvesItAgain() {
    selection.select("kill");
    connect();
    Target checkout = document.experiment().spec().targets().get("checkout");
    assertThat(
            document.edit(
                new PutTarget(
                    "checkout",
                    checkout.toBuilder().labelSelector("app=cart").build(),
                    "Edit label selector",
                    "checkout.labelSelector")))
        .isEmpty();
    frames.pulse();
    assertThat(model.resolution().matched()).extracting(PodView::name).containsExactly("cart-a");
    assertThat(model.counts().get("freeze")).isEqualTo(new PreviewCount(1, 1));
  }

  @Test
  void anInvalidTargetNamesTheFieldAndShowsNoPods() {
    selection.select("freeze");
    connect();
    Target checkout = document.experiment().spec().targets().get("checkout");
    document.edit(
        new PutTarget(
            "checkout",
            checkout.toBuilder().labelSelector("app in (checkout").build(),
            "Edit label selector",
            null));
    frames.pulse();
    assertThat(model.resolution()).isNull();
    assertThat(model.status()).contains("checkout").contains("labelSelector");
    assertThat(model.counts()).doesNotContainKeys("freeze", "kill").containsKey("dns");
  }

  @Test
  void aStepReferringToAnUndefinedTargetSaysSo() {
    connect();
    document.edit(
        new dev.faultline.model.edit.ReplaceStep(
            ((dev.faultline.model.AttackStep) document.experiment().spec().step("kill").get())
                .toBuilder().target("nope").build(),
            "Edit target",
            null));
    selection.select("kill");
    assertThat(model.status()).isEqualTo("Target “nope” is not defined in spec.targets");
    // The edit's computation started at once; the selection's waits for the next frame.
    frames.pulse();
    frames.pulse();
    assertThat(model.counts()).doesNotContainKey("kill").containsKey("freeze");
  }

  @Test
  void syncingShowsNothingAndStaleKeepsTheLastPodsWithANotice() {
    selection.select("freeze");
    cluster.state(SnapshotState.Phase.SYNCING, "");
    connect();
    assertThat(model.resolution()).isNull();
    assertThat(model.status()).isEqualTo("Syncing cluster…");
    assertThat(model.header()).endsWith("syncing…");
    assertThat(model.counts()).isEmpty();

    cluster.state(SnapshotState.Phase.LIVE, "");
    frames.pulse();
    frames.pulse();
    assertThat(model.resolution().selected()).hasSize(2);

    cluster.state(SnapshotState.Phase.STALE, "watch failed: connection refused");
    frames.pulse();
    frames.pulse();
    assertThat(model.resolution().selected()).hasSize(2);
    assertThat(model.status())
        .startsWith("Cluster connection lost at")
        .contains("watch failed: connection refused");
    assertThat(model.header()).endsWith("stale");

    model.snapshotProperty().set(null);
    assertThat(model.resolution()).isNull();
    assertThat(model.counts()).isEmpty();
    assertThat(model.status()).isEqualTo("Not connected to a cluster");
  }

  @Test
  void aBurstOfChangesBetweenFramesCostsOneComputationAndOneUpdate() {
    var executor = new QueuedExecutor();
    model.dispose();
    model = new PreviewViewModel(document, selection, executor, frames);
    selection.select("freeze");
    model.snapshotProperty().set(cluster);
    executor.runAll();
    frames.pulse();
    assertThat(model.resolution()).isNotNull();
    int computations = executor.ran;
    var updates = new ArrayList<TargetResolution>();
    model.resolutionProperty().addListener((o, was, now) -> updates.add(now));

    for (int frame = 0; frame < 10; frame++) {
      for (int i = 0; i < 20; i++) {
        cluster.add(pod("shop", "checkout", "checkout-" + frame + "-" + i, "node-1"));
      }
      frames.pulse(); // starts one computation (polled snapshot)
      assertThat(executor.queued()).isLessThanOrEqualTo(1);
      executor.runAll();
    }
    frames.pulse();
    assertThat(executor.ran - computations).isEqualTo(10);
    assertThat(updates).hasSize(10);
    assertThat(model.resolution().matched()).hasSize(203);
  }

  @Test
  void neverRunsTwoComputationsAtOnce() {
    var executor = new QueuedExecutor();
    model.dispose();
    model = new PreviewViewModel(document, selection, executor, frames);
    selection.select("freeze");
    model.snapshotProperty().set(cluster);
    assertThat(executor.queued()).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      cluster.touch();
      selection.select(i % 2 == 0 ? "kill" : "freeze");
      frames.pulse();
      assertThat(executor.queued()).isEqualTo(1);
    }
    assertThat(model.resolution()).isNull(); // nothing finished yet
    executor.runAll();
    frames.pulse(); // the outcome was for an older plan: dropped, and the current one starts
    assertThat(executor.queued()).isEqualTo(1);
    executor.runAll();
    frames.pulse();
    assertThat(model.resolution()).isNotNull();
    assertThat(model.shownStepProperty().get()).isEqualTo("kill");
    assertThat(model.appliedVersionProperty().get()).isEqualTo(cluster.version());
  }

  /** Holds background work until the test runs it, counting what ran. */
  private static final class QueuedExecutor implements Executor {
    private final Queue<Runnable> queue = new ArrayDeque<>();
    int ran;

    @Override
    public void execute(Runnable command) {
      queue.add(command);
    }

    int queued() {
      return queue.size();
    }

    void runAll() {
      Runnable next;
      while ((next = queue.poll()) != null) {
        ran++;
        next.run();
      }
    }
  }
}
