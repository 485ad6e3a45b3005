package dev.faultline.sandbox.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PodDisruptionBudget arithmetic, shared by the eviction API (which refuses evictions that would
 * break a budget, as {@code kubectl drain} expects) and the controller that keeps budget status.
 */
public final class DisruptionBudgets {
  private final ClusterView cluster;

  public DisruptionBudgets(ClusterView cluster) {
    this.cluster = cluster;
  }

  /** A budget's state: how many matching pods are healthy, how many must be, how many may go. */
  public record Health(String budget, int expected, int healthy, int desired, int allowed) {}

  public static boolean selects(JsonNode pdb, JsonNode pod) {
    JsonNode labels = pod.path("metadata").path("labels");
    for (Map.Entry<String, JsonNode> e :
        pdb.path("spec").path("selector").path("matchLabels").properties()) {
      if (!labels.path(e.getKey()).asString("\u0000").equals(e.getValue().asString())) {
        return false;
      }
    }
    return true;
  }

  public Health health(JsonNode pdb) {
    String namespace = pdb.path("metadata").path("namespace").asString();
    List<ObjectNode> pods =
        cluster.list("v1", "pods", namespace, ClusterView.matchLabels(pdb)).stream()
            .filter(p -> !Pods.isTerminating(p))
            .toList();
    int expected = pods.size();
    int healthy = (int) pods.stream().filter(Pods::isReady).count();
    JsonNode spec = pdb.path("spec");
    int desired;
    if (spec.has("minAvailable")) {
      desired = resolve(spec.get("minAvailable"), expected);
    } else if (spec.has("maxUnavailable")) {
      desired = Math.max(0, expected - resolve(spec.get("maxUnavailable"), expected));
    } else {
      desired = 0;
    }
    return new Health(
        pdb.path("metadata").path("name").asString(),
        expected,
        healthy,
        desired,
        Math.max(0, healthy - desired));
  }

  /** An int or a percentage string ("50%", rounded up as Kubernetes does). */
  private static int resolve(JsonNode value, int total) {
    if (value.isTextual() && value.asString().endsWith("%")) {
      int percent = Integer.parseInt(value.asString().replace("%", "").strip());
      return (int) Math.ceil(total * percent / 100.0);
    }
    return value.asInt();
  }

  /** The budget an eviction of {@code pod} would break, if any. */
  public Optional<Health> blocking(JsonNode pod) {
    String namespace = pod.path("metadata").path("namespace").asString();
    for (ObjectNode pdb : cluster.list("policy/v1", "poddisruptionbudgets", namespace, null)) {
      if (selects(pdb, pod)) {
        Health health = health(pdb);
        if (Pods.isReady(pod) && health.allowed() < 1) {
          return Optional.of(health);
        }
      }
    }
    return Optional.empty();
  }

  /** Brings every budget's status in {@code namespace} up to date; writes only changes. */
  public void refresh(String namespace) {
    for (ObjectNode pdb : cluster.list("policy/v1", "poddisruptionbudgets", namespace, null)) {
      Health h = health(pdb);
      JsonNode status = pdb.path("status");
      if (status.path("currentHealthy").asInt(-1) == h.healthy()
          && status.path("desiredHealthy").asInt(-1) == h.desired()
          && status.path("disruptionsAllowed").asInt(-1) == h.allowed()
          && status.path("expectedPods").asInt(-1) == h.expected()) {
        continue;
      }
      ObjectNode s = pdb.withObjectProperty("status");
      s.put("currentHealthy", h.healthy());
      s.put("desiredHealthy", h.desired());
      s.put("disruptionsAllowed", h.allowed());
      s.put("expectedPods", h.expected());
      cluster.update("poddisruptionbudgets", pdb);
    }
  }
}
