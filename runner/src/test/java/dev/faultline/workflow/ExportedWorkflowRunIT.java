package dev.faultline.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment file taken all the way: exported by the Chaos Mesh exporter, applied to the
 * sandbox, driven by its simulated Chaos Mesh, watched node by node and deleted at the end — the
 * path of {@code faultline workflow run EXPERIMENT} and the app's "Run on Chaos Mesh".
 */
class ExportedWorkflowRunIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void theNetworkDelayExampleRunsOnChaosMeshWithItsStatusChecksAndLeavesNothing() throws Exception {
    WorkflowDocument workflow =
        WorkflowSources.read(Examples.dir().resolve("network-delay.yaml"), null);
    // "until: failing" has no Chaos Mesh counterpart: the export says so and the document keeps it.
    assertThat(workflow.exportWarnings())
        .anySatisfy(w -> assertThat(w.path()).startsWith("spec.steps[2]"));
    var run =
        new WorkflowRun(
            client,
            "faultline-sandbox",
            dir.resolve("state"),
            workflow,
            "exported-network-delay",
            Duration.ofSeconds(10));
    assertThat(run.preflight()).isEmpty();
    List<String> networkChaosSeen = new CopyOnWriteArrayList<>();

    WorkflowOutcome outcome =
        run.run(
            state ->
                client
                    .genericKubernetesResources("chaos-mesh.org/v1alpha1", "NetworkChaos")
                    .inNamespace("shop")
                    .withLabel("chaos-mesh.org/workflow", state.workflow())
                    .list()
                    .getItems()
                    .forEach(o -> networkChaosSeen.add(o.getMetadata().getName())));

    assertThat(outcome.state().phase()).isEqualTo(WorkflowPhase.ACCOMPLISHED);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.cleanedUp()).isTrue();
    // The checks before and after the fault ran for real against the demo checkout service.
    assertThat(outcome.state().nodes())
        .filteredOn(n -> n.type().equals("StatusCheck"))
        .extracting(WorkflowNodeView::phase)
        .isNotEmpty()
        .allMatch(p -> p == NodePhase.ACCOMPLISHED);
    WorkflowNodeView delay = outcome.state().nodeOfTemplate("slow-checkout").orElseThrow();
    assertThat(delay.chaos()).startsWith("NetworkChaos/");
    assertThat(networkChaosSeen).contains(delay.chaos().substring("NetworkChaos/".length()));
    assertThat(
            client
                .genericKubernetesResources("chaos-mesh.org/v1alpha1", "NetworkChaos")
                .inNamespace("shop")
                .list()
                .getItems())
        .isEmpty();
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
