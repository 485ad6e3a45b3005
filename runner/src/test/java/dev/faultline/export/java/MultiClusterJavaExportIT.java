package dev.faultline.export.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.TwoClusters;
import dev.faultline.chaos.ChaosRun;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.StateDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit test exported from the multi-cluster example passes against two sandboxes behind one
 * kubeconfig: its {@code .context("west")} calls reach the west cluster, found through {@code
 * -Dfaultline.kubeconfig} as a user's CI would, and it leaves nothing behind in either cluster.
 */
class MultiClusterJavaExportIT {
  @TempDir Path dir;
  private TwoClusters clusters;

  @BeforeEach
  void start() throws Exception {
    System.setProperty(StateDirectory.PROPERTY, dir.resolve("state").toString());
    clusters = TwoClusters.start(dir);
    System.setProperty(ChaosRun.KUBECONFIG_PROPERTY, clusters.kubeconfig().toString());
  }

  @AfterEach
  void stop() {
    System.clearProperty(ChaosRun.KUBECONFIG_PROPERTY);
    System.clearProperty(StateDirectory.PROPERTY);
    clusters.close();
  }

  @Test
  void theExportedTestFreezesWestWatchesEastAndPasses() throws Exception {
    var example =
        JavaExporterTest.read(Examples.dir().resolve("multi-cluster-freeze-west-watch-east.yaml"));

    TestExecutionSummary summary =
        GeneratedClasses.runExported(dir, example, "FreezeWestWatchEastChaosTest");

    assertThat(summary.getFailures()).extracting(f -> f.getException().getMessage()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(TwoClusters.awaitCheckoutIntact(clusters.west())).hasSize(3);
    assertThat(TwoClusters.awaitCheckoutIntact(clusters.east())).hasSize(3);
    assertThat(FileRollbackJournal.withOpenFaults(dir.resolve("state"))).isEmpty();
  }
}
