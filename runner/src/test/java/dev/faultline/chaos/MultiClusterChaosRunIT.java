package dev.faultline.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.TwoClusters;
import dev.faultline.engine.RunEvent;
import dev.faultline.format.ExperimentReader;
import dev.faultline.model.Experiment;
import dev.faultline.safety.FileRollbackJournal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API runs a multi-cluster experiment: the example {@code
 * multi-cluster-freeze-west-watch-east} through {@link ChaosRun}, against two sandboxes behind one
 * kubeconfig. The freeze happens in {@code west} only (its probe sees it, east's probes do not),
 * and every fault is rolled back there.
 */
class MultiClusterChaosRunIT {
  @TempDir Path dir;
  private TwoClusters clusters;

  @BeforeEach
  void start() throws Exception {
    clusters = TwoClusters.start(dir);
  }

  @AfterEach
  void stop() {
    clusters.close();
  }

  private static Experiment example() {
    Path file = Examples.dir().resolve("multi-cluster-freeze-west-watch-east.yaml");
    return new ExperimentReader().read(file).experiment().orElseThrow();
  }

  @Test
  void freezesInWestAndWatchesEastThroughOneChaosRun() throws Exception {
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    ChaosResult result =
        ChaosRun.of(example())
            .kubeconfig(clusters.kubeconfig())
            .stateDirectory(dir.resolve("state"))
            .listener(events::add)
            .run();

    assertThat(result.passed()).as(result::summary).isTrue();
    assertThat(result.context()).isEqualTo("east");
    assertThat(result.faultsApplied()).isPositive().isEqualTo(result.faultsRolledBack());
    assertThat(events)
        .filteredOn(RunEvent.FaultApplied.class::isInstance)
        .map(e -> ((RunEvent.FaultApplied) e).fault().context())
        .isNotEmpty()
        .containsOnly("west");
    assertThat(events)
        .filteredOn(RunEvent.TargetsResolved.class::isInstance)
        .map(e -> ((RunEvent.TargetsResolved) e).context())
        .containsExactly("west");
    assertThat(TwoClusters.awaitCheckoutIntact(clusters.west())).hasSize(3);
    assertThat(TwoClusters.awaitCheckoutIntact(clusters.east())).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }

  @Test
  void aContextTheKubeconfigLacksFailsBeforeAnythingIsApplied() throws Exception {
    Experiment experiment = example();
    var targets = new LinkedHashMap<>(experiment.spec().targets());
    targets.computeIfPresent("checkout-west", (name, target) -> target.withContext("wset"));
    Experiment wset = experiment.withSpec(experiment.spec().withTargets(targets));

    assertThatThrownBy(
            () ->
                ChaosRun.of(wset)
                    .kubeconfig(clusters.kubeconfig())
                    .stateDirectory(dir.resolve("state"))
                    .run())
        .isInstanceOf(ChaosRunException.class)
        .hasMessageContaining("no kubeconfig context 'wset'")
        .hasMessageContaining("did you mean 'west'?");
    assertThat(TwoClusters.awaitCheckoutIntact(clusters.west())).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
