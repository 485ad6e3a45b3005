package dev.faultline.model;

/**
 * The ids of the built-in attacks, for {@link ExperimentBuilder#attack}: the compiler catches a
 * mistyped constant where a string would fail only at {@code build()}. A test keeps this list equal
 * to the catalog's attack descriptors; their parameters are listed in {@code docs/attacks.md}.
 */
public final class Attacks {
  /** Deletes the selected pods; their controllers recreate them. */
  public static final String POD_DELETE = "k8s.pod.delete";

  /** Kills containers of the selected pods. */
  public static final String CONTAINER_KILL = "k8s.container.kill";

  /** Sends a signal (SIGSTOP, SIGKILL, …) to processes in the selected containers. */
  public static final String PROCESS_SIGNAL = "process.signal";

  /** Scales the selected Deployments or StatefulSets. */
  public static final String DEPLOYMENT_SCALE = "k8s.deployment.scale";

  /** Cordons and drains the selected nodes. */
  public static final String NODE_DRAIN = "k8s.node.drain";

  /** Chaos Mesh NetworkChaos: delay, loss, partition. */
  public static final String CHAOS_MESH_NETWORK = "chaosmesh.network";

  /** Chaos Mesh StressChaos: CPU and memory stress. */
  public static final String CHAOS_MESH_STRESS = "chaosmesh.stress";

  /** Chaos Mesh HTTPChaos: delays, aborts and rewrites of HTTP traffic. */
  public static final String CHAOS_MESH_HTTP = "chaosmesh.http";

  /** Chaos Mesh IOChaos: file system latency and errors. */
  public static final String CHAOS_MESH_IO = "chaosmesh.io";

  /** Chaos Mesh DNSChaos: DNS errors and random answers. */
  public static final String CHAOS_MESH_DNS = "chaosmesh.dns";

  /** Chaos Mesh TimeChaos: clock skew. */
  public static final String CHAOS_MESH_TIME = "chaosmesh.time";

  /** Istio fault injection: delays and aborts in a VirtualService. */
  public static final String ISTIO_FAULT = "mesh.istio.fault";

  /** Applies a Kubernetes manifest for the duration and deletes it afterwards. */
  public static final String MANIFEST = "k8s.manifest";

  private Attacks() {}
}
