package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxClients;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faultline workflow run} end to end against a sandbox reached through its kubeconfig. */
class WorkflowCommandIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kc"))
                .withTimings(ControllerTimings.FAST));
    client = SandboxClients.connect(sandbox);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    System.clearProperty(StateDirectory.PROPERTY);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    var all = new ArrayList<>(List.of("workflow", "run"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void aWorkflowRunsNodeByNodeAndIsDeletedAtTheEnd() throws Exception {
    Path file = dir.resolve("wf.yaml");
    Files.writeString(
        file,
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: slow-then-pause}
        spec:
          entry: entry
          templates:
            - {name: entry, templateType: Serial, children: [slow, pause]}
            - name: slow
              templateType: NetworkChaos
              deadline: 1s
              networkChaos:
                action: delay
                mode: all
                selector: {labelSelectors: {app: checkout}}
                delay: {latency: 100ms}
            - {name: pause, templateType: Suspend, deadline: 500ms}
        """);

    int exit = run(file.toString(), "-n", "shop");

    assertThat(exit).as(err.toString() + out).isZero();
    assertThat(out.toString())
        .contains("workflow shop/slow-then-pause: running")
        .contains("▶ NetworkChaos slow (NetworkChaos/slow-")
        .contains("✓ NetworkChaos slow deadline exceeded after")
        .contains("✓ Suspend pause deadline exceeded")
        .contains("✓ Serial entry accomplished")
        .contains("workflow shop/slow-then-pause: accomplished")
        .contains("workflow deleted; the chaos objects it created are gone");
    assertThat(
            client
                .genericKubernetesResources("chaos-mesh.org/v1alpha1", "Workflow")
                .inAnyNamespace()
                .list()
                .getItems())
        .isEmpty();
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void aBrokenFileIsRefusedWithItsLineBeforeAnythingIsApplied() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "apiVersion: chaos-mesh.org/v1alpha1\nkind: Workflow\nmetadata: [\n");

    assertThat(run(file.toString())).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString()).contains("workflow run: " + file + ":4:");
  }

  @Test
  void aWorkflowWithoutItsEntryTemplateNamesTheField() throws Exception {
    Path file = dir.resolve("no-entry.yaml");
    Files.writeString(
        file,
        """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: Workflow
        metadata: {name: wf}
        spec:
          entry: missing
          templates: [{name: a, templateType: Suspend, deadline: 1s}]
        """);

    assertThat(run(file.toString())).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString())
        .contains(file + ": spec.entry 'missing' names no template in spec.templates");
  }
}
