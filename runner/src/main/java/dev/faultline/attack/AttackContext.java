package dev.faultline.attack;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What an attack executor may use: the cluster client of the run's context and the run's identity.
 *
 * @param client the context's client; {@code null} only in engine tests whose fake executors need
 *     no cluster
 * @param contextName kubeconfig context name, recorded in every fault
 * @param runId written into the faults and the annotations of changed objects
 * @param callTimeout limit for one API call or exec
 */
public record AttackContext(
    KubernetesClient client, String contextName, String runId, Duration callTimeout) {
  public AttackContext {

    Objects.requireNonNull(runId, "runId");
    contextName = contextName == null ? "" : contextName;
    callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
  }
}
