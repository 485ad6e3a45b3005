package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.AttackStep;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.TargetResolution;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A sandbox cluster with fast controllers, a client with short timeouts, and helpers to build
 * attack requests and wait for the cluster to settle.
 */
final class AttackFixture implements AutoCloseable {
  static final Duration SETTLE = Duration.ofSeconds(20);
  final Sandbox sandbox;
  final KubernetesClient client;
  final AttackContext context;

  private AttackFixture(Sandbox sandbox, KubernetesClient client) {
    this.sandbox = sandbox;
    this.client = client;
    this.context = new AttackContext(client, "faultline-sandbox", "run-1", Duration.ofSeconds(10));
  }

  static AttackFixture start(Path dir) throws Exception {
    return start(dir, SandboxOptions.defaults().withDemoServices(false));
  }

  /** A fixture over a sandbox started with {@code options} (kubeconfig and timings set here). */
  static AttackFixture start(Path dir, SandboxOptions options) throws Exception {
    Sandbox sandbox =
        Sandbox.start(
            options.withKubeconfig(dir.resolve("kubeconfig")).withTimings(ControllerTimings.FAST));
    Config config =
        Config.fromKubeconfig(
            null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
    // Generous limits: CI machines are small and shared, and a websocket exec that waits two
    // seconds for its handshake under load is slow, not broken (it failed a CI run at 2 s). Tests
    // of an API outage stop the server, which refuses connections at once, so they stay fast.
    config.setRequestTimeout(10_000);
    config.setConnectionTimeout(10_000);
    config.setRequestRetryBackoffLimit(0);
    return new AttackFixture(sandbox, new KubernetesClientBuilder().withConfig(config).build());
  }

  /** A request for an attack on pods, resolved from a fresh pod list (all matches selected). */
  AttackRequest podRequest(
      String attackId,
      Map<String, Object> with,
      String namespace,
      String labels,
      List<String> containerRegexes) {
    Target target = Target.pods(namespace, labels);
    var selected = new ArrayList<SelectedPod>();
    var matched = new ArrayList<PodView>();
    for (Pod pod :
        client.pods().inNamespace(namespace).withLabelSelector(labels).list().getItems()) {
      if (!"Running".equals(pod.getStatus().getPhase())
          || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      PodView view = view(pod);
      matched.add(view);
      List<String> containers =
          view.containers().stream()
              .map(ContainerView::name)
              .filter(
                  c ->
                      containerRegexes.isEmpty()
                          || containerRegexes.stream().anyMatch(r -> Pattern.matches(r, c)))
              .toList();
      selected.add(new SelectedPod(view, containers));
    }
    var resolution = new TargetResolution(1, 7, matched, selected, List.of(), List.of(), List.of());
    return request(attackId, with, "target", target, resolution, NamespacePolicy.DEFAULT);
  }

  /** A request whose target the executor resolves itself (or none). */
  static AttackRequest request(
      String attackId,
      Map<String, Object> with,
      String targetName,
      Target target,
      TargetResolution pods,
      NamespacePolicy policy) {
    var step = new AttackStep("step", List.of(), attackId, targetName, Params.of(with), null, null);
    var descriptor = Catalog.builtIn().find(attackId).orElseThrow();
    return new AttackRequest(
        step, ParamValues.of(descriptor, Params.of(with)), targetName, target, pods, policy);
  }

  Pod pod(String namespace, String name) {
    return client.pods().inNamespace(namespace).withName(name).get();
  }

  static ContainerStatus container(Pod pod, String name) {
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A copy of the fault as a crashed run's journal would hand it to a new process. */
  static Fault roundTrip(Fault fault) {
    Fault copy = FaultJson.read(FaultJson.write(fault));
    assertThat(copy).isEqualTo(fault);
    return new Fault(
        copy.id(),
        copy.runId(),
        copy.stepId(),
        copy.attackId(),
        copy.context(),
        new ObjectRef(
            copy.object().apiVersion(),
            copy.object().kind(),
            copy.object().namespace(),
            copy.object().name(),
            copy.object().container()),
        copy.action(),
        copy.reversible(),
        new HashMap<>(copy.data()));
  }

  /** Stops the API, checks that rollback says to retry, and serves the API again. */
  void assertRollbackRetryableWhileApiIsDown(AttackExecutor executor, Fault fault) {
    sandbox.stopApi();
    try {
      assertThatThrownBy(() -> executor.rollback(fault, context))
          .isInstanceOf(AttackException.class)
          .satisfies(e -> assertThat(((AttackException) e).retryable()).as(e.getMessage()).isTrue())
          .hasMessageContaining(fault.object().name());
    } finally {
      sandbox.startApi();
    }
  }

  static <T> T await(Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + SETTLE + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }

  static PodView view(Pod pod) {
    var statuses = new HashMap<String, ContainerStatus>();
    if (pod.getStatus().getContainerStatuses() != null) {
      pod.getStatus().getContainerStatuses().forEach(cs -> statuses.put(cs.getName(), cs));
    }
    var containers = new ArrayList<ContainerView>();
    for (var c : pod.getSpec().getContainers()) {
      ContainerStatus cs = statuses.get(c.getName());
      containers.add(
          new ContainerView(
              c.getName(),
              cs != null && Boolean.TRUE.equals(cs.getReady()),
              "running",
              cs == null ? 0 : cs.getRestartCount()));
    }
    var meta = pod.getMetadata();
    return new PodView(
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        meta.getLabels() == null ? Map.of() : meta.getLabels(),
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations(),
        pod.getStatus().getPhase(),
        true,
        meta.getDeletionTimestamp() != null,
        pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName(),
        "",
        "",
        "",
        "",
        containers);
  }

  @Override
  public void close() {
    client.close();
    sandbox.close();
  }
}
