package dev.faultline.sandbox.world;

import java.util.List;

/**
 * What the demo world holds before it is turned into objects: namespaces, nodes and applications.
 *
 * @param apps the workloads; each becomes a Deployment (or StatefulSet), its pods, a Service
 */
public record WorldSpec(List<String> namespaces, int nodes, List<App> apps) {
  public WorldSpec {
    namespaces = List.copyOf(namespaces);
    apps = List.copyOf(apps);
  }

  public int pods() {
    return apps.stream().mapToInt(App::replicas).sum();
  }

  /**
   * One application.
   *
   * @param tier value of the {@code tier} label
   * @param sidecar name of the second container
   * @param minAvailable PodDisruptionBudget minAvailable, or 0 for no budget
   */
  public record App(
      String namespace,
      String name,
      String tier,
      String version,
      int replicas,
      String sidecar,
      boolean stateful,
      int minAvailable) {}

  /** The hand-made demo world: a shop, payments, monitoring and system namespace. */
  public static WorldSpec demo(int nodes) {
    return new WorldSpec(
        List.of("default", "kube-system", "shop", "payments", "monitoring"),
        nodes,
        List.of(
            new App("shop", "storefront", "web", "v2", 2, "istio-proxy", false, 1),
            new App("shop", "checkout", "web", "v1", 3, "istio-proxy", false, 2),
            new App("shop", "cart", "web", "v3", 3, "log-shipper", false, 0),
            new App("shop", "catalog", "api", "v1", 2, "istio-proxy", false, 0),
            new App("payments", "payments-api", "api", "v4", 3, "istio-proxy", false, 2),
            new App("payments", "ledger", "db", "v1", 3, "backup-agent", true, 2),
            new App("monitoring", "prometheus", "monitoring", "v2", 1, "config-reloader", false, 0),
            new App("kube-system", "coredns", "system", "v1", 2, "metrics-exporter", false, 1)));
  }

  /**
   * The demo world grown to about {@code pods} pods: extra team namespaces, each with five
   * ten-replica deployments, so large worlds look like many teams sharing a cluster. Never smaller
   * than the demo world.
   */
  public static WorldSpec scaled(int pods, int minNodes) {
    WorldSpec base = demo(minNodes);
    if (pods <= base.pods()) {
      return base;
    }
    var namespaces = new java.util.ArrayList<>(base.namespaces());
    var apps = new java.util.ArrayList<>(base.apps());
    String[] names = {"api", "worker", "web", "cache", "gateway"};
    String[] tiers = {"api", "backend", "web", "cache", "edge"};
    int remaining = pods - base.pods();
    for (int team = 1; remaining > 0; team++) {
      String namespace = String.format("team-%03d", team);
      namespaces.add(namespace);
      for (int i = 0; i < names.length && remaining > 0; i++) {
        int replicas = Math.min(10, remaining);
        apps.add(new App(namespace, names[i], tiers[i], "v1", replicas, "istio-proxy", false, 0));
        remaining -= replicas;
      }
    }
    int nodes = Math.max(minNodes, (pods + 99) / 100);
    return new WorldSpec(namespaces, nodes, apps);
  }
}
