package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackExecutors;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.ObjectRef;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.FaultAnnotations;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline cleanup --kubeconfig} against the sandbox, as after a run killed with SIGKILL:
 * the journal holds an applied fault, the object carries Faultline's annotations; cleanup rolls it
 * back through the executor and retires the journal.
 */
class CleanupCommandIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CliEnvironment environment;

  /** Scales nothing: sets an annotation on a deployment and removes it on rollback. */
  private final AttackExecutor annotate =
      new AttackExecutor() {
        @Override
        public String attackId() {
          return "test.annotate";
        }

        @Override
        public List<AccessCheck> accessNeeds(AttackRequest request) {
          return List.of();
        }

        @Override
        public List<Fault> prepare(AttackRequest request, AttackContext context) {
          return List.of();
        }

        @Override
        public void apply(Fault fault, AttackContext context) {}

        @Override
        public FaultStatus status(Fault fault, AttackContext context) {
          return FaultStatus.active("");
        }

        @Override
        public void rollback(Fault fault, AttackContext context) throws AttackException {
          context
              .client()
              .apps()
              .deployments()
              .inNamespace(fault.object().namespace())
              .withName(fault.object().name())
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  "{\"metadata\":{\"annotations\":{\"test/frozen\":null,\""
                      + FaultAnnotations.RUN_ID
                      + "\":null,\""
                      + FaultAnnotations.FAULT
                      + "\":null}}}");
        }
      };

  @BeforeEach
  void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    Config config =
        Config.fromKubeconfig(
            null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
    client = new KubernetesClientBuilder().withConfig(config).build();
    environment = new CliEnvironment(Map.of(), dir.resolve("home"), dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine(environment, () -> new AttackExecutors(List.of(annotate)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void rollsBackWhatAKilledRunLeftOnTheCluster() throws Exception {
    Fault fault =
        new Fault(
            "freeze#1",
            "killed-1",
            "freeze",
            "test.annotate",
            "faultline-sandbox",
            new ObjectRef("apps/v1", "Deployment", "shop", "checkout", ""),
            "freeze checkout",
            true,
            Map.of());
    try (var journal =
        FileRollbackJournal.create(
            environment.stateDirectory(), "killed-1", "checkout-freeze", "faultline-sandbox")) {
      journal.record(fault);
    }
    client
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("checkout")
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put("test/frozen", "true");
              d.getMetadata().getAnnotations().put(FaultAnnotations.RUN_ID, "killed-1");
              return d;
            });
    String kubeconfig = sandbox.kubeconfig().toString();

    assertThat(run("cleanup", "--kubeconfig", kubeconfig, "--dry-run"))
        .as(err.toString())
        .isEqualTo(ExitCodes.LEFT_OPEN);
    assertThat(out.toString())
        .contains(
            "would roll back: freeze checkout on Deployment shop/checkout (run killed-1, step freeze)");

    out.getBuffer().setLength(0);
    assertThat(run("cleanup", "--kubeconfig", kubeconfig, "--context", "faultline-sandbox"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "rolled back: freeze checkout on Deployment shop/checkout (run killed-1, step freeze)")
        .contains("cleanup: 1 fault rolled back");
    assertThat(err.toString()).contains("and on context faultline-sandbox");
    var annotations =
        client
            .apps()
            .deployments()
            .inNamespace("shop")
            .withName("checkout")
            .get()
            .getMetadata()
            .getAnnotations();
    assertThat(annotations).doesNotContainKeys("test/frozen", FaultAnnotations.RUN_ID);
    assertThat(FileRollbackJournal.withOpenFaults(environment.stateDirectory())).isEmpty();

    out.getBuffer().setLength(0);
    assertThat(run("cleanup", "--kubeconfig", kubeconfig)).isZero();
    assertThat(out.toString()).contains("cleanup: nothing left behind");
  }
}
