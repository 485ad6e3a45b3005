package dev.faultline.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One context of the user's kubeconfig, as {@code kubectl config get-contexts} lists it.
 *
 * @param name the context name, unique across the merged kubeconfig files
 * @param server the API server URL of the context's cluster; empty when the cluster is not defined
 * @param namespace the context's namespace, {@code "default"} when it names none
 * @param source the kubeconfig file that defines the context
 */
public record ContextRef(String name, String server, String namespace, Path source) {

  /** The namespace kubectl uses when a context names none. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Checks the components. */
  public ContextRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(source, "source");
  }
}
