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
 * Everything a run talks to, built once by the CLI or the app for one cluster context.
 *
 * @param client the context's client; {@code null} only for runs that need no cluster (tests)
 * @param contextName recorded in faults and events
 * @param snapshots where Pod targets are resolved
 * @param journals opens the rollback journal of a run id
 * @param access answers which of the needed permissions are denied (preflight)
 * @param environment environment variables for probe secrets
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
    UnaryOperator<String> environment) {

  public RunEnvironment {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(attacks, "attacks");
    Objects.requireNonNull(probes, "probes");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(journals, "journals");
    contextName = contextName == null ? "" : contextName;
    access = access == null ? checks -> List.of() : access;
    environment = environment == null ? System::getenv : environment;
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
