package dev.faultline.sandbox.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The patch strategies of the built-in types that kubectl's patches depend on: which lists merge by
 * which key ({@code patchMergeKey} in the Go types) and which lists of scalars merge as sets.
 * Everything not listed is atomic: a list in a patch replaces the stored one, which is also what
 * the apiserver does for fields without a strategy.
 *
 * <p>This is a hand-written subset of the Kubernetes API, not the full OpenAPI: pods and pod
 * templates (containers, init and ephemeral containers, env, ports, volume mounts and devices,
 * volumes, image pull secrets, host aliases, topology spread constraints, scheduling gates,
 * resource claims), workload templates, service ports, node addresses and pod CIDRs, owner
 * references, finalizers and status conditions.
 */
final class StrategicSchema {
  /** How one field merges; {@code type} describes the field's object, or each list element's. */
  record Field(String mergeKey, boolean scalarSet, Type type) {
    static final Field ATOMIC = new Field(null, false, Type.UNKNOWN);

    boolean mergesByKey() {
      return mergeKey != null;
    }

    boolean merges() {
      return mergeKey != null || scalarSet;
    }
  }

  /** The fields of one object type that have a strategy or lead to fields that do. */
  static final class Type {
    static final Type UNKNOWN = new Type();

    private final Map<String, Field> fields = new HashMap<>();

    Field field(String name) {
      return fields.getOrDefault(name, Field.ATOMIC);
    }

    private Type object(String name, Type type) {
      fields.put(name, new Field(null, false, type));
      return this;
    }

    private Type list(String name, String mergeKey, Type element) {
      fields.put(name, new Field(mergeKey, false, element));
      return this;
    }

    private Type list(String name, String mergeKey) {
      return list(name, mergeKey, UNKNOWN);
    }

    private Type scalarSet(String name) {
      fields.put(name, new Field(null, true, UNKNOWN));
      return this;
    }
  }

  private static final Type META =
      new Type().list("ownerReferences", "uid").scalarSet("finalizers");
  private static final Type CONDITIONS = new Type().list("conditions", "type");
  private static final Type CONTAINER =
      new Type()
          .list("ports", "containerPort")
          .list("env", "name")
          .list("volumeMounts", "mountPath")
          .list("volumeDevices", "devicePath");
  private static final Type POD_SPEC =
      new Type()
          .list("containers", "name", CONTAINER)
          .list("initContainers", "name", CONTAINER)
          .list("ephemeralContainers", "name", CONTAINER)
          .list("volumes", "name")
          .list("imagePullSecrets", "name")
          .list("hostAliases", "ip")
          .list("topologySpreadConstraints", "topologyKey")
          .list("schedulingGates", "name")
          .list("resourceClaims", "name");
  private static final Type POD_TEMPLATE =
      new Type().object("metadata", META).object("spec", POD_SPEC);
  private static final Type POD_STATUS =
      new Type()
          .list("conditions", "type")
          .list("podIPs", "ip")
          .list("hostIPs", "ip")
          .list("resourceClaimStatuses", "name");

  private static final Map<String, Type> KINDS = new HashMap<>();

  static {
    Type workload =
        root()
            .object("spec", new Type().object("template", POD_TEMPLATE))
            .object("status", CONDITIONS);
    KINDS.put("Pod", root().object("spec", POD_SPEC).object("status", POD_STATUS));
    KINDS.put("PodTemplate", root().object("template", POD_TEMPLATE));
    for (String kind :
        new String[] {
          "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"
        }) {
      KINDS.put(kind, workload);
    }
    KINDS.put(
        "CronJob",
        root()
            .object(
                "spec",
                new Type()
                    .object(
                        "jobTemplate",
                        new Type()
                            .object("metadata", META)
                            .object("spec", new Type().object("template", POD_TEMPLATE)))));
    KINDS.put(
        "Service",
        root().object("spec", new Type().list("ports", "port")).object("status", CONDITIONS));
    KINDS.put(
        "Node",
        root()
            .object("spec", new Type().scalarSet("podCIDRs"))
            .object("status", new Type().list("conditions", "type").list("addresses", "type")));
    KINDS.put("Namespace", root().object("status", CONDITIONS));
    KINDS.put("PodDisruptionBudget", root().object("status", CONDITIONS));
  }

  private StrategicSchema() {}

  /** A new root type with the metadata every object has. */
  private static Type root() {
    return new Type().object("metadata", META);
  }

  /**
   * The schema for an object of {@code kind} in {@code group}. Kinds not listed, and custom
   * resources, still merge their metadata's owner references and finalizers.
   */
  static Type forObject(String group, String kind) {
    if (!BuiltInGroups.contains(group)) {
      return root();
    }
    return KINDS.getOrDefault(kind, root());
  }
}
