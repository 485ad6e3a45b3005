package dev.faultline.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ChaosRun.setUp}: what a generated test with a disposable cluster does before it runs,
 * against the sandbox standing in for the empty K3s cluster: a namespace and a deployment that do
 * not exist yet are applied, become ready, and the experiment then runs on them.
 */
class ClusterSetupIT {
  private static final String MANIFEST =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: echo
        namespace: lab
        labels: {app: echo}
      spec:
        replicas: 2
        selector:
          matchLabels: {app: echo}
        template:
          metadata:
            labels: {app: echo}
          spec:
            containers:
              - name: app
                image: registry.k8s.io/echoserver:2.10
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: lab
      """;

  private static final String EXPERIMENT =
      """
      apiVersion: faultline.dev/v1alpha1
      kind: Experiment
      metadata:
        name: echo-survives-pod-loss
      spec:
        safety:
          namespaces: {allow: [lab]}
        targets:
          echo:
            namespaces: [lab]
            labelSelector: app=echo
            blastRadius: {mode: one}
        steps:
          - id: delete
            attack: k8s.pod.delete
            target: echo
            with: {gracePeriod: 0s}
          - id: back
            after: [delete]
            probe: k8s.ready
            target: echo
            with: {timeout: 60s}
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void theSetUpIsAppliedNamespaceFirstAndReadyBeforeTheExperimentRunsOnIt() throws Exception {
    assertThat(client.namespaces().withName("lab").get()).isNull();
    Path manifest = Files.writeString(dir.resolve("echo.yaml"), MANIFEST);

    ChaosResult result =
        ChaosRun.of(experiment())
            .kubeconfig(sandbox.kubeconfig())
            .stateDirectory(dir.resolve("state"))
            .setUp(List.of(manifest))
            .run();

    assertThat(result.passed()).as(result::summary).isTrue();
    // Applied before the run: the run found the pods to delete and saw them back. (Readiness right
    // after the set-up is asserted below; here the controllers may still be replacing the pod.)
    var deployment = client.apps().deployments().inNamespace("lab").withName("echo").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(result.faultsApplied()).isEqualTo(1);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void applyingTheSameSetUpTwiceChangesNothingAndWaitsForReadiness() throws Exception {
    Path manifest = Files.writeString(dir.resolve("echo.yaml"), MANIFEST);
    var setUp = new ClusterSetup(List.of(manifest), Duration.ofSeconds(60));

    List<HasMetadata> first = setUp.apply(client);
    List<HasMetadata> second = setUp.apply(client);

    assertThat(first).extracting(HasMetadata::getKind).containsExactly("Namespace", "Deployment");
    assertThat(second)
        .extracting(o -> o.getMetadata().getUid())
        .isEqualTo(first.stream().map(o -> o.getMetadata().getUid()).toList());
    var deployment = client.apps().deployments().inNamespace("lab").withName("echo").get();
    assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
  }

  @Test
  void aMissingManifestIsNamedAndNothingRuns() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(
            () ->
                ChaosRun.of(experiment())
                    .kubeconfig(sandbox.kubeconfig())
                    .stateDirectory(dir.resolve("state"))
                    .setUp(List.of(missing))
                    .run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining(missing + ": manifest not found");
    assertThat(client.namespaces().withName("lab").get()).isNull();
  }

  @Test
  void aWorkloadThatIsNotReadyInTimeIsNamedWithItsReplicas() throws Exception {
    Path manifest = Files.writeString(dir.resolve("echo.yaml"), MANIFEST);

    // No time at all: a new deployment cannot have ready pods the moment it is created.
    assertThatThrownBy(() -> new ClusterSetup(List.of(manifest), Duration.ZERO).apply(client))
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining("Deployment lab/echo is not ready after 0s (")
        .hasMessageContaining("of 2 replicas ready)");
  }

  @Test
  void aFileThatHoldsNoKubernetesObjectsIsRefusedWithItsName() throws Exception {
    Path notAManifest = Files.writeString(dir.resolve("notes.yaml"), "just: notes\n");

    assertThatThrownBy(
            () -> new ClusterSetup(List.of(notAManifest), Duration.ofSeconds(5)).apply(client))
        .isInstanceOf(ChaosRunException.class)
        .hasMessageStartingWith(notAManifest.toString());
  }

  private Experiment experiment() throws Exception {
    Path file = Files.writeString(dir.resolve("echo.faultline.yaml"), EXPERIMENT);
    var read = new ExperimentReader().read(file);
    assertThat(read.experiment()).as(read.problems()::toString).isPresent();
    return read.experiment().get();
  }
}
