package dev.faultline.app.connection;

import dev.faultline.cluster.ClusterSummary;
import dev.faultline.cluster.ClusterTarget;
import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.engine.RunEnvironment;
import dev.faultline.safety.Cleanup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster side of the connection view model: finding contexts, connecting and probing. The seam
 * between the view model and the runner, so the view model is tested with a fake.
 *
 * <p>{@link #discover()}, {@link #protectedContexts()} and {@link #connect} block and are called on
 * background threads; {@link #shutdown()} returns at once and may be called on the FX thread.
 */
public interface ClusterService {

  /** Reads the user's kubeconfig files; never throws for a bad file (see its problems). */
  ContextDiscovery discover();

  /**
   * The names of the contexts the user marked protected (production), from Faultline's settings.
   * None by default.
   *
   * @throws Exception when the settings file cannot be read or is malformed
   */
  default Set<String> protectedContexts() throws Exception {
    return Set.of();
  }

  /**
   * Marks the kubeconfig context {@code contextName} protected, or lifts its protection, in
   * Faultline's settings (the kubeconfig is never written). Blocks; called on a background thread.
   *
   * @return the names of the protected contexts afterwards
   * @throws Exception when the settings file cannot be read or written
   */
  Set<String> setProtected(String contextName, boolean protect) throws Exception;

  /**
   * Builds a client for {@code target} (starting the embedded sandbox if needed) and probes it.
   *
   * @return the open connection, also when the probe found the cluster unavailable
   * @throws Exception when no client can be built: a bad kubeconfig, a sandbox that fails to start
   */
  Connection connect(ClusterTarget target) throws Exception;

  /**
   * Rolls back every fault that crashed runs left open in this machine's journals, in the contexts
   * they name; blocks, so call it off the FX thread.
   *
   * @throws Exception when the journals cannot be read
   */
  default Cleanup.Report cleanUpLeftovers() throws Exception {
    throw new UnsupportedOperationException("this cluster service cannot clean up");
  }

  /**
   * Opens other kubeconfig contexts for the preview of a multi-cluster experiment's targets; null
   * when this service cannot (such targets then say so).
   */
  default dev.faultline.designer.preview.ContextOpener previewContextOpener() {
    return null;
  }

  /**
   * Opens the other kubeconfig contexts a multi-cluster experiment names (targets and probes with a
   * {@code context}), through the same kubeconfig files and credentials as this service's
   * connections, for a run whose journals live in {@code stateDirectory}. By default no other
   * context can be opened.
   */
  default RunEnvironment.ContextOpener contextOpener(Path stateDirectory, String experimentName) {
    return RunEnvironment.ContextOpener.NONE;
  }

  /**
   * The contexts of {@code names} the kubeconfig lacks, each as a sentence with a did-you-mean;
   * empty when all are there. Reads the kubeconfig: call it off the FX thread.
   */
  default List<String> missingContexts(List<String> names) {
    return names.stream().map(n -> "cannot open context '" + n + "' from here").toList();
  }

  /** Where the embedded sandbox writes its kubeconfig, for {@code kubectl --kubeconfig}. */
  Path sandboxKubeconfig();

  /**
   * Closes every open connection and stops the sandbox, in the background; returns at once. The
   * process does not exit before the work is done. Later connects fail.
   */
  void shutdown();

  /** An open client and what the probe found; close it to release the client. */
  interface Connection extends AutoCloseable {

    /** What the probe found when the connection was opened. */
    ClusterSummary summary();

    /**
     * The client and live snapshot for previews and runs; empty when the cluster was not reachable
     * (or for connections that have no cluster behind them, as in some tests).
     */
    default Optional<LiveCluster> live() {
      return Optional.empty();
    }

    /** Releases the client; may block briefly, so not on the FX thread. Idempotent. */
    @Override
    void close();
  }
}
