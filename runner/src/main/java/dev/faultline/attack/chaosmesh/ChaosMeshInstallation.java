package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.ClusterCalls;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Whether the cluster serves a Chaos Mesh kind, asked through API discovery: the group version
 * {@code chaos-mesh.org/v1alpha1} must list the kind. Without it a create would fail with a bare
 * 404 halfway through a run.
 */
public final class ChaosMeshInstallation {
  static final String INSTALL_URL =
      "https://chaos-mesh.org/docs/production-installation-using-helm/";

  private ChaosMeshInstallation() {}

  /** What is missing, in words a person can act on; empty when the kind is served. */
  static Optional<String> missing(ChaosKind kind, AttackContext context) {
    return missing(kind.kind(), context, "use another attack");
  }

  /**
   * What is missing for a Chaos Mesh kind such as {@code Workflow}; empty when it is served.
   *
   * @param otherwise what the person can do instead, ending the sentence: {@code run on the
   *     sandbox}
   */
  public static Optional<String> missing(String kind, AttackContext context, String otherwise) {
    APIResourceList resources;
    try {
      resources = context.client().getApiResources(ChaosKind.API_VERSION);
    } catch (KubernetesClientException e) {
      if (!ClusterCalls.notFound(e)) {
        return Optional.of(
            ClusterCalls.failure(
                    context,
                    "check whether Chaos Mesh is installed: look up",
                    kind + " in " + ChaosKind.API_VERSION,
                    e)
                .getMessage());
      }
      resources = null;
    }
    if (resources != null && resources.getResources() != null) {
      for (APIResource resource : resources.getResources()) {
        if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(notInstalled(kind, context, otherwise));
  }

  /** The sentence for a cluster without the kind. */
  static String notInstalled(ChaosKind kind, AttackContext context) {
    return notInstalled(kind.kind(), context, "use another attack");
  }

  private static String notInstalled(String kind, AttackContext context, String otherwise) {
    return "Chaos Mesh is not installed in context '"
        + context.contextName()
        + "' (no "
        + kind
        + " in "
        + ChaosKind.API_VERSION
        + "); install it ("
        + INSTALL_URL
        + ") or "
        + otherwise;
  }
}
