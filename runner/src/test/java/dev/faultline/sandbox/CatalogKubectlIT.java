package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.cluster.catalog.ExperimentCatalog;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog seen with plain kubectl, as docs/catalog.md promises. */
class CatalogKubectlIT {
  @TempDir Path dir;

  @Test
  void kubectlFindsTheVersionsByLabel() throws Exception {
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withKubeconfig(dir.resolve("kc"))
                    .withDemoServices(false)
                    .withTimings(ControllerTimings.FAST));
        KubernetesClient client = SandboxClients.connect(sandbox)) {
      Experiment experiment =
          new ExperimentReader()
              .read(Examples.dir().resolve("network-delay.yaml"))
              .experiment()
              .orElseThrow();
      var catalog = new ExperimentCatalog(client, "shop", "alice", Clock.systemUTC());
      catalog.save(experiment, "");
      catalog.save(
          new Experiment(
              new dev.faultline.model.Metadata(experiment.metadata().name(), "second", null, null),
              experiment.spec(),
              experiment.layout(),
              experiment.extras()),
          "");

      String out =
          new Kubectl(sandbox.kubeconfig())
              .run(
                  "get",
                  "configmap",
                  "-n",
                  "shop",
                  "-l",
                  "faultline.dev/experiment=checkout-network-delay",
                  "-L",
                  "faultline.dev/version",
                  "--sort-by=.metadata.name")
              .ok()
              .out();

      assertThat(
              out.lines()
                  .skip(1)
                  .map(l -> l.split("\\s+")[0] + " " + l.split("\\s+")[l.split("\\s+").length - 1]))
          .containsExactly(
              "faultline-exp-checkout-network-delay-v1 1",
              "faultline-exp-checkout-network-delay-v2 2");
    }
  }
}
