package dev.faultline.attack;

import java.util.Objects;

/**
 * The cluster object a fault changes, precise enough to find it again after a crash.
 *
 * @param kind Kubernetes kind, e.g. {@code Pod}, {@code Deployment}, {@code Node}
 * @param apiVersion e.g. {@code v1}, {@code apps/v1}
 * @param namespace empty for cluster-scoped objects
 * @param container the container inside a pod a fault acts in; empty otherwise
 */
public record ObjectRef(
    String apiVersion, String kind, String namespace, String name, String container) {
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    apiVersion = apiVersion == null ? "" : apiVersion;
    namespace = namespace == null ? "" : namespace;
    container = container == null ? "" : container;
  }

  public static ObjectRef pod(String namespace, String name) {
    return new ObjectRef("v1", "Pod", namespace, name, "");
  }

  public static ObjectRef container(String namespace, String pod, String container) {
    return new ObjectRef("v1", "Pod", namespace, pod, container);
  }

  /** {@code Pod shop/checkout-1 [app]}, for logs, events and reports. */
  public String display() {
    String where = namespace.isEmpty() ? name : namespace + "/" + name;
    return kind + " " + where + (container.isEmpty() ? "" : " [" + container + "]");
  }
}
