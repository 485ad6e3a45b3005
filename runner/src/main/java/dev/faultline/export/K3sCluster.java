package dev.faultline.export;

import java.util.List;
import java.util.Objects;

/**
 * The Java export's disposable cluster: the generated test starts K3s in a container with
 * Testcontainers, applies the manifests that hold the system under test, runs the experiment there
 * and throws the cluster away. Needs a container engine (Docker or Podman) where the test runs.
 *
 * @param image the K3s image ({@code rancher/k3s:TAG}); pin it, so CI runs stay repeatable
 * @param manifests files the test applies before the run, as written in the generated code
 *     (relative to the directory the test runs in, usually the project root)
 */
public record K3sCluster(String image, List<String> manifests) {
  /** A recent K3s release; Testcontainers' K3s module is tested against this line. */
  public static final String DEFAULT_IMAGE = "rancher/k3s:v1.33.5-k3s1";

  /** The context name K3s writes into the kubeconfig it hands out. */
  public static final String CONTEXT = "default";

  public K3sCluster {
    Objects.requireNonNull(image, "image");
    manifests = List.copyOf(manifests);
  }

  /** The default image, no manifests. */
  public static K3sCluster withDefaults() {
    return new K3sCluster(DEFAULT_IMAGE, List.of());
  }
}
