package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chaos Mesh kinds Faultline creates, each with its attack id, resource names and spec builder.
 * Free of the cluster client, so the Chaos Mesh Workflow exporter writes the same specs as the
 * executor ({@link ChaosDefinitions} holds the client's resource names).
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
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Whether the spec takes {@code containerNames}. */
  public boolean hasContainers() {
    return containers;
  }

  /**
   * The key a Workflow template embeds this kind's spec under: {@code networkChaos}, {@code
   * httpChaos}, ...
   */
  public String templateKey() {
    return kind.substring(0, kind.indexOf("Chaos")).toLowerCase(Locale.ROOT) + "Chaos";
  }

  /** The kind created by attack {@code attackId}, if it is one of Chaos Mesh's. */
  public static Optional<ChaosKind> byAttackId(String attackId) {
    return Arrays.stream(values()).filter(k -> k.attackId.equals(attackId)).findFirst();
  }

  /** The kind named {@code kind} ({@code NetworkChaos}), if Faultline has an attack for it. */
  public static Optional<ChaosKind> byKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  /**
   * Writes the kind's own fields of {@code spec} from the step's parameters (selector, mode,
   * containers and duration are the caller's).
   *
   * @param namespace the namespace of the pods the resource acts on
   * @throws AttackException when the parameters cannot make a valid spec; the message names the
   *     parameter
   */
  public void writeSpec(AttackRequest request, String namespace, ObjectNode spec)
      throws AttackException {
    this.spec.write(request, namespace, spec);
  }

  ChaosSpec spec() {
    return spec;
  }
}
