package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --churn}: a steady stream of pod deletions (with replacements) and label flips. */
class SandboxChurnIT {
  @Test
  void churnChangesPodsAtAboutTheGivenRate(@TempDir Path dir) throws Exception {
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withKubeconfig(dir.resolve("kc"))
                    .withChurn(40)
                    .withDemoServices(false)
                    .withTimings(ControllerTimings.FAST));
        var client =
            new KubernetesClientBuilder()
                .withConfig(
                    Config.fromKubeconfig(null, Files.readString(sandbox.kubeconfig()), null))
                .build()) {
      var deleted = new AtomicInteger();
      var relabelled = new AtomicInteger();
      try (var watch =
          client
              .pods()
              .inAnyNamespace()
              .watch(
                  new Watcher<Pod>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                      if (action == Action.DELETED) deleted.incrementAndGet();
                      if (action == Action.MODIFIED
                          && pod.getMetadata().getLabels().containsKey("churn"))
                        relabelled.incrementAndGet();
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  })) {
        // Count from the first event on: on a loaded machine the watch itself may take a while to
        // open, and that delay is not the churn's.
        Eventually.await(
            Duration.ofSeconds(20), () -> deleted.get() + relabelled.get(), n -> n > 0);
        deleted.set(0);
        relabelled.set(0);
        Thread.sleep(3000);
      }
      // 40 events/s for 3 s, about half of each kind; generous bounds for a busy 2-core machine.
      assertThat(deleted.get()).isBetween(10, 120);
      assertThat(relabelled.get()).isGreaterThanOrEqualTo(10);
      // Deleted pods come back: the world keeps its size.
      Eventually.await(
          Duration.ofSeconds(20),
          () ->
              client
                  .pods()
                  .inNamespace("shop")
                  .withLabel("app", "checkout")
                  .list()
                  .getItems()
                  .size(),
          n -> n == 3);
    }
  }
}
