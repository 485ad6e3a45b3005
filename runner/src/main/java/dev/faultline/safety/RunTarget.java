package dev.faultline.safety;

import dev.faultline.attack.ObjectRef;
import java.util.Objects;

/**
 * One cluster object a run acts on, as its active-run entry records it so that runs starting later
 * can see whether they would hit the same object.
 *
 * @param context the kubeconfig context the object lives in
 * @param kind Kubernetes kind: {@code Pod}, {@code Deployment}, {@code Node}…
 * @param namespace empty for cluster-scoped objects
 * @param name the object's name
 */
public record RunTarget(String context, String kind, String namespace, String name) {
  public RunTarget {
    context = context == null ? "" : context;
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** A pod, from its {@code namespace/name} key. */
  public static RunTarget pod(String context, String key) {
    int slash = key.indexOf('/');
    return slash < 0
        ? new RunTarget(context, "Pod", "", key)
        : new RunTarget(context, "Pod", key.substring(0, slash), key.substring(slash + 1));
  }

  /** The object a fault changes; the container is dropped (two faults in one pod overlap). */
  public static RunTarget of(String context, ObjectRef object) {
    return new RunTarget(context, object.kind(), object.namespace(), object.name());
  }

  /** {@code Pod shop/checkout-1}. */
  public String display() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
