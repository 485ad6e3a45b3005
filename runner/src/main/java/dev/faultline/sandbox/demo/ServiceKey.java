package dev.faultline.sandbox.demo;

import java.util.Objects;

/**
 * Identifies a Kubernetes Service in the sandbox: one demo HTTP server runs per key.
 *
 * @param namespace the Service's namespace, e.g. {@code shop}
 * @param name the Service's name, e.g. {@code checkout}
 */
public record ServiceKey(String namespace, String name) {
  /** Rejects blank parts, which would make metrics labels and health answers meaningless. */
  public ServiceKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("namespace and name must not be blank");
    }
  }

  /** The {@code namespace/name} form used in logs and messages. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
