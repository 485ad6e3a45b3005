package dev.faultline.engine;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.catalog.Catalog;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.probe.ProbeExecutors;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.Preflight;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The environment of a real run, the same for the CLI, the app and the sandbox: built-in executors,
 * the live snapshot the preview uses, a file journal in the state directory, and {@code
 * SelfSubjectAccessReview} preflight.
 */
public final class ClusterRunEnvironment {
  private ClusterRunEnvironment() {}

  /**
   * @param stateDirectory where journals live ({@link dev.faultline.safety.StateDirectory#get()})
   * @param experimentName written into the journal for people reading leftovers
   */
  public static RunEnvironment create(
      KubernetesClient client, String contextName, Path stateDirectory, String experimentName) {
    return new RunEnvironment(
        Catalog.builtIn(),
        AttackExecutors.builtIn(),
        ProbeExecutors.builtIn(),
        client,
        contextName,
        (namespaces, timeout) -> liveSnapshot(client, namespaces, timeout),
        runId -> FileRollbackJournal.create(stateDirectory, runId, experimentName, contextName),
        checks -> Preflight.check(client, contextName, checks).messages(),
        System::getenv);
  }

  private static LiveSnapshot liveSnapshot(
      KubernetesClient client, Set<String> namespaces, Duration timeout) throws Exception {
    LiveSnapshot snapshot = LiveSnapshot.start(client, namespaces, Clock.systemUTC());
    if (!snapshot.awaitSynced(timeout) || snapshot.state().phase() == SnapshotState.Phase.STALE) {
      String why = snapshot.state().message();
      snapshot.close();
      throw new IllegalStateException(
          "the pods could not be listed within " + timeout.toSeconds() + " s: " + why);
    }
    return snapshot;
  }
}
