package dev.faultline.sandbox.world;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Background change at a steady rate, for benchmarks of watches and the live preview: each event
 * either deletes a random pod (its controller replaces it) or flips a {@code churn} label on one.
 */
public final class Churn implements AutoCloseable {
  private final ClusterView cluster;
  private final RandomGenerator random;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sandbox-churn").factory());
  private List<ObjectNode> pods = List.of();
  private long events;

  public Churn(ClusterView cluster, RandomGenerator random) {
    this.cluster = cluster;
    this.random = random;
  }

  public void start(double perSecond) {
    if (perSecond <= 0) {
      return;
    }
    long periodMicros = Math.max(1, (long) (1_000_000 / perSecond));
    timer.scheduleAtFixedRate(this::tick, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
  }

  private void tick() {
    try {
      if (events++ % 500 == 0 || pods.isEmpty()) {
        pods = cluster.list("v1", "pods", null, null); // refreshed now and then: listing is O(pods)
      }
      if (pods.isEmpty()) {
        return;
      }
      int index = random.nextInt(pods.size());
      ObjectNode pod = pods.get(index);
      String namespace = pod.path("metadata").path("namespace").asString();
      String name = pod.path("metadata").path("name").asString();
      var current = cluster.get("v1", "pods", namespace, name);
      if (current.isEmpty()) {
        // Deleted since the last listing (by churn itself, mostly): list again rather than keep
        // picking names that are gone, which would silently lower the rate.
        pods = cluster.list("v1", "pods", null, null);
        return;
      }
      if (random.nextBoolean()) {
        cluster.delete("v1", "pods", namespace, name);
      } else {
        ObjectNode changed = current.get();
        changed
            .withObjectProperty("metadata")
            .withObjectProperty("labels")
            .put("churn", Long.toString(events));
        cluster.update("pods", changed);
      }
    } catch (RuntimeException e) {
      // Churn is best effort; a vanished pod or a conflict just skips one event.
    }
  }

  public long events() {
    return events;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
