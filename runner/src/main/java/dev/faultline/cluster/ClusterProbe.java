package dev.faultline.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * A quick look at a cluster: the server version, then one list call each for namespaces and pods,
 * all within a deadline. Blocks, so call it off the UI thread.
 */
public final class ClusterProbe {

  /** How long a probe may take before the cluster counts as unreachable. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private ClusterProbe() {}

  /** Probes with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static ClusterSummary probe(KubernetesClient client) {
    return probe(client, DEFAULT_TIMEOUT);
  }

  /**
   * Probes the cluster behind {@code client}. Never throws for a cluster problem: failures come
   * back as {@link ClusterSummary.Unavailable} with a message naming the server and {@linkplain
   * ClusterErrors#explain advice} on what to do.
   *
   * @param client the client to probe through
   * @param timeout how long the three calls may take together
   */
  public static ClusterSummary probe(KubernetesClient client, Duration timeout) {
    String server = server(client);
    FutureTask<ClusterSummary> calls = new FutureTask<>(() -> calls(client, server));
    Thread.ofVirtual().name("faultline-probe").start(calls);
    try {
      return calls.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      calls.cancel(true);
      return ClusterSummary.Unavailable.of(ClusterErrors.timeout("", server, timeout));
    } catch (ExecutionException e) {
      return ClusterSummary.Unavailable.of(ClusterErrors.explain("", server, e.getCause()));
    } catch (InterruptedException e) {
      calls.cancel(true);
      Thread.currentThread().interrupt();
      return new ClusterSummary.Unavailable(server, "probe of " + server + " interrupted");
    }
  }

  private static ClusterSummary calls(KubernetesClient client, String server) {
    String version = client.getKubernetesVersion().getGitVersion();
    OptionalInt namespaces =
        countUnlessForbidden(() -> client.namespaces().list().getItems().size());
    OptionalInt pods =
        countUnlessForbidden(() -> client.pods().inAnyNamespace().list().getItems().size());
    return new ClusterSummary.Reachable(server, version, namespaces, pods);
  }

  /** A user who may not list something still has a working connection; the count is unknown. */
  private static OptionalInt countUnlessForbidden(IntSupplier count) {
    try {
      return OptionalInt.of(count.getAsInt());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return OptionalInt.empty();
      }
      throw e;
    }
  }

  /** The client's API server URL without the trailing slash fabric8 adds. */
  static String server(KubernetesClient client) {
    String url = String.valueOf(client.getMasterUrl());
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
