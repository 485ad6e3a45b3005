package dev.faultline.engine;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.catalog.Catalog;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.probe.ProbeExecutors;
import dev.faultline.safety.RollbackJournal;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything a run talks to, built once by the CLI or the app for the run's cluster context. A
 * multi-cluster experiment (targets or probes naming another {@code context}) gets an environment
 * for each other context from {@link #others}, opened at run start and closed at its end.
 *
 * @param client the context's client; {@code null} only for runs that need no cluster (tests)
 * @param contextName recorded in faults and events
 * @param snapshots where Pod targets are resolved
 * @param journals opens the rollback journal of a run id
 * @param access answers which of the needed permissions are denied (preflight)
 * @param environment environment variables for probe secrets
 * @param others opens the environment of another kubeconfig context the experiment names
 */
public record RunEnvironment(
    Catalog catalog,
    AttackExecutors attacks,
    ProbeExecutors probes,
    KubernetesClient client,
    String contextName,
    SnapshotSource snapshots,
    JournalFactory journals,
    AccessReview access,
    UnaryOperator<String> environment,
    ContextOpener others) {

  public RunEnvironment {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(attacks, "attacks");
    Objects.requireNonNull(probes, "probes");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(journals, "journals");
    contextName = contextName == null ? "" : contextName;
    access = access == null ? checks -> List.of() : access;
    environment = environment == null ? System::getenv : environment;
    others = others == null ? ContextOpener.NONE : others;
  }

  /** An environment for the run's context only: a file naming another context cannot run. */
  public RunEnvironment(
      Catalog catalog,
      AttackExecutors attacks,
      ProbeExecutors probes,
      KubernetesClient client,
      String contextName,
      SnapshotSource snapshots,
      JournalFactory journals,
      AccessReview access,
      UnaryOperator<String> environment) {
    this(
        catalog,
        attacks,
        probes,
        client,
        contextName,
        snapshots,
        journals,
        access,
        environment,
        null);
  }

  /** This environment, opening other contexts with {@code opener}. */
  public RunEnvironment withOthers(ContextOpener opener) {
    return new RunEnvironment(
        catalog,
        attacks,
        probes,
        client,
        contextName,
        snapshots,
        journals,
        access,
        environment,
        opener);
  }

  /**
   * Opens the environment of another kubeconfig context, for the targets and probes of a
   * multi-cluster experiment that name it. The run closes the returned environment's client when it
   * ends; the journal is the run's own (each fault records its context).
   */
  @FunctionalInterface
  public interface ContextOpener {
    /** Refuses every other context: for callers that connect to one cluster only. */
    ContextOpener NONE =
        name -> {
          throw new IllegalStateException("this run is connected to one context only");
        };

    /**
     * @throws Exception naming why the context cannot be used (not in the kubeconfig, no
     *     credentials, unreachable)
     */
    RunEnvironment open(String contextName) throws Exception;
  }

  /** Opens the journal of one run. */
  @FunctionalInterface
  public interface JournalFactory {
    RollbackJournal open(String runId) throws IOException;
  }

  /** Preflight permission check: returns a sentence for each check that is denied. */
  @FunctionalInterface
  public interface AccessReview {
    List<String> denied(List<AccessCheck> checks) throws Exception;
  }
}
