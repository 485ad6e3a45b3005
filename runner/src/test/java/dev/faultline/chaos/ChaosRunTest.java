package dev.faultline.chaos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.Attacks;
import dev.faultline.model.Experiment;
import dev.faultline.model.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ChaosRun} refuses before it touches a cluster, and how it says so: nothing here needs
 * a cluster, because every case fails before a connection.
 */
class ChaosRunTest {
  @TempDir Path dir;

  private static Experiment podDelete() {
    return Experiment.named("pod-delete")
        .allowNamespaces("shop")
        .target("web", Target.pods().namespaces("shop").labelSelector("app=web").one())
        .attack("kill", Attacks.POD_DELETE, step -> step.target("web"))
        .build();
  }

  /**
   * A kubeconfig with these contexts, the first current, each on its own cluster at an address
   * nothing listens on: a connection attempt would fail with another message than the ones tested.
   */
  private Path kubeconfig(String... contexts) throws IOException {
    var text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    for (String c : contexts) {
      text.append("- {name: ").append(c).append(", cluster: {server: \"https://127.0.0.1:1\"}}\n");
    }
    text.append("users:\n- {name: u, user: {token: abc}}\ncontexts:\n");
    for (String c : contexts) {
      text.append("- {name: ").append(c).append(", context: {cluster: ").append(c);
      text.append(", user: u}}\n");
    }
    text.append("current-context: ").append(contexts[0]).append('\n');
    return Files.writeString(dir.resolve("kubeconfig"), text);
  }

  @Test
  void anExperimentWithErrorsIsRefusedWithItsProblems() {
    Experiment broken =
        Experiment.named("broken").attack("kill", "k8s.pod.delet", step -> {}).buildUnchecked();

    assertThatThrownBy(() -> ChaosRun.of(broken).kubeconfig(dir.resolve("unused")).run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageStartingWith("cannot run experiment 'broken', it has errors:")
        .hasMessageContaining("spec.steps[0].attack: unknown attack 'k8s.pod.delet'");
  }

  @Test
  void aKubeconfigWithoutACurrentContextNamesTheFileAndTheKnobs() {
    Path missing = dir.resolve("missing-kubeconfig");

    assertThatThrownBy(() -> ChaosRun.of(podDelete()).kubeconfig(missing).run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining("no current kubeconfig context in " + missing)
        .hasMessageContaining("file not found")
        .hasMessageContaining("-Dfaultline.kubeconfig=PATH")
        .hasMessageContaining("-Dfaultline.context=NAME");
  }

  @Test
  void aMistypedContextSuggestsTheClosestOne() throws Exception {
    Path kubeconfig = kubeconfig("staging-eu");

    assertThatThrownBy(
            () -> ChaosRun.of(podDelete()).kubeconfig(kubeconfig).context("staging-ue").run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining("no kubeconfig context 'staging-ue' (from context(...))")
        .hasMessageContaining("did you mean 'staging-eu'?");
  }

  @Test
  void aContextTheExperimentNamesButTheKubeconfigLacksStopsTheRunBeforeAConnection()
      throws Exception {
    Path kubeconfig = kubeconfig("east", "west");
    Experiment twoClusters =
        Experiment.named("freeze-wset")
            .allowNamespaces("shop")
            .target(
                "web", Target.pods().context("wset").namespaces("shop").labelSelector("app=web"))
            .attack("kill", Attacks.POD_DELETE, step -> step.target("web"))
            .probe("east-up", "http.check", step -> step.context("east").with("url", "http://x"))
            .build();

    assertThatThrownBy(() -> ChaosRun.of(twoClusters).kubeconfig(kubeconfig).run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageStartingWith(
            "cannot run experiment 'freeze-wset': its targets and probes name contexts the"
                + " kubeconfig ("
                + kubeconfig)
        .hasMessageContaining("no kubeconfig context 'wset'")
        .hasMessageContaining("did you mean 'west'?");
  }

  @Test
  void theContextPropertyIsHonouredAndNamedInTheMessage() throws Exception {
    Path kubeconfig = dir.resolve("empty-kubeconfig");
    Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\ncontexts: []\n");
    System.setProperty(ChaosRun.CONTEXT_PROPERTY, "prod");
    try {
      assertThatThrownBy(() -> ChaosRun.of(podDelete()).kubeconfig(kubeconfig).run())
          .isInstanceOf(ChaosRunException.class)
          .hasMessageContaining("no kubeconfig context 'prod' (from -Dfaultline.context)");
    } finally {
      System.clearProperty(ChaosRun.CONTEXT_PROPERTY);
    }
  }

  @Test
  void theExperimentsOwnContextIsUsedWhenNoneIsGiven() throws Exception {
    Path kubeconfig = dir.resolve("empty-kubeconfig");
    Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\ncontexts: []\n");
    Experiment pinned =
        Experiment.named("pinned")
            .context("kind-chaos")
            .target("web", Target.pods().namespaces("shop").labelSelector("app=web"))
            .attack("kill", Attacks.POD_DELETE, step -> step.target("web"))
            .build();

    assertThatThrownBy(() -> ChaosRun.of(pinned).kubeconfig(kubeconfig).run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining(
            "no kubeconfig context 'kind-chaos' (from the experiment's spec.context)");
  }
}
