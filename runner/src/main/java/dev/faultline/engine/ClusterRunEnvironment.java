package dev.faultline.engine;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.catalog.Catalog;
import dev.faultline.cluster.ClusterConnector;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import dev.faultline.cluster.snapshot.LiveSnapshot;
import dev.faultline.cluster.snapshot.SnapshotState;
import dev.faultline.probe.ProbeExecutors;
import dev.faultline.safety.FileRollbackJournal;
import dev.faultline.safety.Preflight;
import dev.faultline.validate.Suggestions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Opens the other kubeconfig contexts a multi-cluster experiment names, through the same
   * connector (and so the same kubeconfig files, credentials and timeouts) as the run's own.
   */
  public static RunEnvironment.ContextOpener opener(
      ClusterConnector connector, Path stateDirectory, String experimentName) {
    return name -> {
      ContextRef ref = find(connector.kubeContexts(), name);
      KubernetesClient client = connector.connect(new ClusterTarget.KubeContext(ref));
      return create(client, name, stateDirectory, experimentName);
    };
  }

  /**
   * The contexts of {@code names} the kubeconfig lacks, each as a sentence with a did-you-mean;
   * empty when all are there.
   */
  public static List<String> missing(KubeContexts kubeContexts, List<String> names) {
    var problems = new ArrayList<String>();
    for (String name : names) {
      try {
        find(kubeContexts, name);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private static ContextRef find(KubeContexts kubeContexts, String name) {
    List<ContextRef> all = kubeContexts.discover().contexts();
    return all.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no kubeconfig context '"
                        + name
                        + "'"
                        + Suggestions.didYouMean(
                            name, all.stream().map(ContextRef::name).toList())));
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
