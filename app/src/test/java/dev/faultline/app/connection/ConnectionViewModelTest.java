package dev.faultline.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.connection.ConnectionViewModel.Phase;
import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeconfigException;
import dev.faultline.cluster.KubeconfigProblem;
import dev.faultline.designer.fx.SameThreadTaskExecutor;
import dev.faultline.designer.fx.UiTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Runs without the JavaFX toolkit, on the same-thread executor and a fake cluster service. */
class ConnectionViewModelTest {

  private static final Path KUBECONFIG = Path.of("/home/me/.kube/config");
  private static final ContextRef PROD =
      new ContextRef("prod-eu", "https://prod.example.com:6443", "shop", KUBECONFIG);
  private static final ContextRef KIND =
      new ContextRef("kind-dev", "https://127.0.0.1:40123", "default", KUBECONFIG);
  private static final ContextDiscovery TWO_CONTEXTS =
      new ContextDiscovery(
          List.of(KUBECONFIG), true, List.of(KIND, PROD), Optional.of(PROD), List.of());

  private final FakeClusterService service = new FakeClusterService();

  private ConnectionViewModel viewModel(UiTaskExecutor tasks) {
    return new ConnectionViewModel(tasks, service);
  }

  @Test
  void withoutKubeconfigItConnectsToTheSandbox() {
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(service.connects()).containsExactly(ClusterTarget.sandbox());
    assertThat(viewModel.targetProperty().get()).isEqualTo(ClusterTarget.sandbox());
    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONNECTED);
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("faultline-sandbox \u00b7 v1.35.0 \u00b7 19 pods in 5 namespaces");
    assertThat(viewModel.targets()).containsExactly(ClusterTarget.sandbox());
    assertThat(viewModel.detailsProperty().get())
        .contains("Server http://127.0.0.1:6443")
        .contains("kubectl --kubeconfig /data/faultline/sandbox/kubeconfig get pods -A")
        .contains("No kubeconfig found (/home/me/.kube/config)");
  }

  @Test
  void withAKubeconfigItConnectsToTheCurrentContextAndListsAll() {
    service.discovering(TWO_CONTEXTS);
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(service.connects()).containsExactly(new ClusterTarget.KubeContext(PROD));
    assertThat(viewModel.targets())
        .containsExactly(
            ClusterTarget.sandbox(),
            new ClusterTarget.KubeContext(KIND),
            new ClusterTarget.KubeContext(PROD));
    assertThat(viewModel.targets())
        .extracting(ClusterTarget::label)
        .first()
        .isEqualTo("Embedded sandbox");
    assertThat(viewModel.statusTextProperty().get()).startsWith("prod-eu \u00b7 v1.35.0");
    assertThat(viewModel.detailsProperty().get())
        .isEqualTo(
            "Context prod-eu, namespace shop\n"
                + "Server https://prod.example.com:6443\n"
                + "Kubeconfig /home/me/.kube/config");
  }

  @Test
  void theSandboxFlagWinsOverTheKubeconfig() {
    service.discovering(TWO_CONTEXTS);
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(true);

    assertThat(service.connects()).containsExactly(ClusterTarget.sandbox());
    assertThat(viewModel.targets()).hasSize(3);
  }

  @Test
  void withoutAUsableCurrentContextItPicksTheSandboxAndShowsTheProblem() {
    KubeconfigProblem problem =
        new KubeconfigProblem(KUBECONFIG, "current-context \"gone\" is not defined");
    service.discovering(
        new ContextDiscovery(
            List.of(KUBECONFIG), true, List.of(KIND), Optional.empty(), List.of(problem)));
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(service.connects()).containsExactly(ClusterTarget.sandbox());
    assertThat(viewModel.problems())
        .containsExactly("/home/me/.kube/config: current-context \"gone\" is not defined");
  }

  @Test
  void anUnreachableClusterIsAFailureWithTheReason() {
    service
        .discovering(TWO_CONTEXTS)
        .answering(
            "prod-eu",
            new ClusterSummary.Unavailable(
                "https://prod.example.com:6443",
                "cannot reach https://prod.example.com:6443: connection refused"));
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.FAILED);
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("prod-eu \u00b7 cannot reach https://prod.example.com:6443: connection refused");
    assertThat(viewModel.detailsProperty().get())
        .endsWith("\ncannot reach https://prod.example.com:6443: connection refused");
  }

  @Test
  void theTooltipSaysWhatToDoAboutAnUnavailableCluster() {
    service
        .discovering(TWO_CONTEXTS)
        .answering(
            "prod-eu",
            new ClusterSummary.Unavailable(
                "https://prod.example.com:6443",
                "https://prod.example.com:6443: unauthorized (401), the credentials were rejected",
                "Log in again"));
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(viewModel.detailsProperty().get())
        .endsWith(
            "\nhttps://prod.example.com:6443: unauthorized (401), the credentials were rejected"
                + "\nLog in again.");
  }

  @Test
  void protectedContextsAreKnownAndSaySoInTheTooltip() {
    service.discovering(TWO_CONTEXTS).protecting("prod-eu", "not-in-kubeconfig");
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(viewModel.protectedContexts())
        .containsExactlyInAnyOrder("prod-eu", "not-in-kubeconfig");
    assertThat(viewModel.isProtected(new ClusterTarget.KubeContext(PROD))).isTrue();
    assertThat(viewModel.isProtected(new ClusterTarget.KubeContext(KIND))).isFalse();
    assertThat(viewModel.isProtected(ClusterTarget.sandbox())).isFalse();
    assertThat(viewModel.detailsProperty().get())
        .contains("\nProtected: runs need --yes-i-mean-prod-eu");

    service.protecting();
    viewModel.reloadContexts();

    assertThat(viewModel.protectedContexts()).isEmpty();
    assertThat(viewModel.detailsProperty().get()).doesNotContain("Protected");
  }

  @Test
  void protectingAContextFromTheAppWritesItAndShowsIt() throws Exception {
    service.discovering(TWO_CONTEXTS);
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());
    viewModel.start(false);
    assertThat(viewModel.isCurrentProtected()).isFalse();

    viewModel.setProtected("prod-eu", true);

    assertThat(service.protectedContexts()).containsExactly("prod-eu");
    assertThat(viewModel.protectedContexts()).containsExactly("prod-eu");
    assertThat(viewModel.isCurrentProtected()).isTrue();
    assertThat(viewModel.detailsProperty().get())
        .contains("Protected: runs need --yes-i-mean-prod-eu");

    viewModel.setProtected("prod-eu", false);

    assertThat(service.protectedContexts()).isEmpty();
    assertThat(viewModel.isCurrentProtected()).isFalse();
    assertThat(viewModel.detailsProperty().get()).doesNotContain("Protected");
  }

  @Test
  void aProtectionThatCannotBeWrittenIsAProblemAndChangesNothing() {
    service.discovering(TWO_CONTEXTS).protecting("prod-eu");
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());
    viewModel.start(false);
    service.failingToReadProtected(new java.io.IOException("/data/contexts.yaml: read-only"));

    viewModel.setProtected("prod-eu", false);

    assertThat(viewModel.isCurrentProtected()).isTrue();
    assertThat(viewModel.problems())
        .containsExactly("Cannot unprotect prod-eu: /data/contexts.yaml: read-only");
  }

  @Test
  void unreadableProtectedSettingsAreAProblem() {
    service
        .discovering(TWO_CONTEXTS)
        .failingToReadProtected(
            new java.io.IOException("/data/contexts.yaml: not a Faultline contexts file: x"));
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(viewModel.problems())
        .containsExactly(
            "Cannot read the protected contexts: /data/contexts.yaml: not a Faultline contexts"
                + " file: x");
    assertThat(viewModel.targets()).hasSize(3);
  }

  @Test
  void aKubeconfigThatCannotBeUsedIsAFailureNamingTheFile() {
    service
        .discovering(TWO_CONTEXTS)
        .failing(
            "prod-eu",
            new KubeconfigException(
                new KubeconfigProblem(KUBECONFIG, "not a valid kubeconfig: boom")));
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());

    viewModel.start(false);

    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.FAILED);
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("prod-eu \u00b7 /home/me/.kube/config: not a valid kubeconfig: boom");
  }

  @Test
  void showsConnectingUntilTheConnectionIsReady() {
    DeferredExecutor tasks = new DeferredExecutor();
    ConnectionViewModel viewModel = viewModel(tasks);

    viewModel.start(true);
    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONNECTING);
    assertThat(viewModel.statusTextProperty().get()).isEqualTo("Reading kubeconfig\u2026");
    tasks.runNext();

    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONNECTING);
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("faultline-sandbox \u00b7 connecting\u2026");
    tasks.runNext();
    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONNECTED);
  }

  @Test
  void switchingReplacesAndClosesTheOldConnection() {
    service.discovering(TWO_CONTEXTS);
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());
    viewModel.start(false);

    viewModel.connect(new ClusterTarget.KubeContext(KIND));

    assertThat(viewModel.targetProperty().get()).isEqualTo(new ClusterTarget.KubeContext(KIND));
    assertThat(viewModel.statusTextProperty().get()).startsWith("kind-dev \u00b7 v1.35.0");
    assertThat(service.open()).containsExactly(new ClusterTarget.KubeContext(KIND));
  }

  @Test
  void aSupersededConnectIsClosedNotShown() {
    service.discovering(TWO_CONTEXTS);
    DeferredExecutor tasks = new DeferredExecutor();
    ConnectionViewModel viewModel = viewModel(tasks);
    viewModel.start(false);
    tasks.runNext(); // discovery; the connect to prod-eu is now queued

    viewModel.connect(ClusterTarget.sandbox());
    tasks.runNext(); // prod-eu arrives late
    assertThat(viewModel.statusTextProperty().get())
        .isEqualTo("faultline-sandbox \u00b7 connecting\u2026");
    tasks.runAll();

    assertThat(viewModel.statusTextProperty().get()).startsWith("faultline-sandbox \u00b7 v1.35.0");
    assertThat(service.open()).containsExactly(ClusterTarget.sandbox());
  }

  @Test
  void choosingTheCurrentTargetAgainReconnects() {
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());
    viewModel.start(true);

    viewModel.connect(ClusterTarget.sandbox());

    assertThat(service.connects())
        .containsExactly(ClusterTarget.sandbox(), ClusterTarget.sandbox());
    assertThat(service.open()).containsExactly(ClusterTarget.sandbox());
  }

  @Test
  void reloadingUpdatesTheListAndKeepsTheConnection() {
    ConnectionViewModel viewModel = viewModel(new SameThreadTaskExecutor());
    viewModel.start(false);
    service.discovering(TWO_CONTEXTS);

    viewModel.reloadContexts();

    assertThat(viewModel.targets()).hasSize(3);
    assertThat(service.connects()).containsExactly(ClusterTarget.sandbox());
    assertThat(viewModel.targetProperty().get()).isEqualTo(ClusterTarget.sandbox());
  }

  @Test
  void closingShutsTheServiceDownAndDropsLateConnections() {
    DeferredExecutor tasks = new DeferredExecutor();
    ConnectionViewModel viewModel = viewModel(tasks);
    viewModel.start(true);
    tasks.runNext();

    viewModel.close();
    tasks.runAll();

    assertThat(service.isShutDown()).isTrue();
    assertThat(service.open()).isEmpty();
    assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.IDLE);
    viewModel.connect(ClusterTarget.sandbox());
    assertThat(service.connects()).hasSize(1);
  }

  @Test
  void initialTargetRules() {
    ContextDiscovery none = ContextDiscovery.none(List.of(KUBECONFIG));
    assertThat(ConnectionViewModel.initialTarget(false, none)).isEqualTo(ClusterTarget.sandbox());
    assertThat(ConnectionViewModel.initialTarget(false, TWO_CONTEXTS))
        .isEqualTo(new ClusterTarget.KubeContext(PROD));
    assertThat(ConnectionViewModel.initialTarget(true, TWO_CONTEXTS))
        .isEqualTo(ClusterTarget.sandbox());
  }

  /** Holds tasks until the test runs them, to exercise the in-between states and races. */
  private static final class DeferredExecutor implements UiTaskExecutor {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void execute(
        Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
      pending.add(() -> new SameThreadTaskExecutor().execute(work, onSuccess, onError));
    }

    void runNext() {
      pending.removeFirst().run();
    }

    void runAll() {
      while (!pending.isEmpty()) {
        runNext();
      }
    }
  }
}
