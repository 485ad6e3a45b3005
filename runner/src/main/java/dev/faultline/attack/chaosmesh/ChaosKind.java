package dev.faultline.attack.chaosmesh;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The Chaos Mesh kinds Faultline creates, each with its attack id, resource names and spec builder.
 *
 * @param containers whether the kind's spec has {@code containerNames} (NetworkChaos and HTTPChaos
 *     act on the whole pod)
 */
public enum ChaosKind {
  NETWORK("chaosmesh.network", "NetworkChaos", false, new NetworkChaosSpec()),
  STRESS("chaosmesh.stress", "StressChaos", true, new StressChaosSpec()),
  HTTP("chaosmesh.http", "HTTPChaos", false, new HttpChaosSpec()),
  IO("chaosmesh.io", "IOChaos", true, new IoChaosSpec()),
  DNS("chaosmesh.dns", "DNSChaos", true, new DnsChaosSpec()),
  TIME("chaosmesh.time", "TimeChaos", true, new TimeChaosSpec());

  /** The API group every Chaos Mesh kind lives in. */
  public static final String GROUP = "chaos-mesh.org";

  /** The API version Faultline writes. */
  public static final String API_VERSION = GROUP + "/v1alpha1";

  private final String attackId;
  private final String kind;
  private final boolean containers;
  private final ChaosSpec spec;

  ChaosKind(String attackId, String kind, boolean containers, ChaosSpec spec) {
    this.attackId = attackId;
    this.kind = kind;
    this.containers = containers;
    this.spec = spec;
  }

  /** The catalog id of the attack that creates this kind, e.g. {@code chaosmesh.network}. */
  public String attackId() {
    return attackId;
  }

  /** The Kubernetes kind, e.g. {@code NetworkChaos}. */
  public String kind() {
    return kind;
  }

  /** The resource name in API paths and RBAC rules: {@code networkchaos} (Chaos Mesh's plural). */
  public String plural() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the spec takes {@code containerNames}. */
  public boolean hasContainers() {
    return containers;
  }

  /** The resource's names for the generic client, so no discovery call is needed. */
  public ResourceDefinitionContext definition() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural())
        .withNamespaced(true)
        .build();
  }

  ChaosSpec spec() {
    return spec;
  }
}
