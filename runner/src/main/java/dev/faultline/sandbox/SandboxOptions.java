package dev.faultline.sandbox;

import dev.faultline.sandbox.world.ControllerTimings;
import java.nio.file.Path;

/**
 * How to start a sandbox.
 *
 * @param port API port on 127.0.0.1; 0 picks a free one
 * @param pods grow the demo world to about this many pods; 0 keeps the hand-made demo world
 * @param seed makes names, uids and random choices repeatable
 * @param churnPerSecond background changes per second (pod deletes, label flips), for benchmarks
 * @param kubeconfig where to write the kubeconfig; {@code null}: the Faultline data directory
 * @param demoServices whether to start the loopback demo HTTP services
 * @param chaosMesh whether Chaos Mesh is installed: without it the API serves no {@code
 *     chaos-mesh.org} group (discovery leaves it out, its paths answer 404) and no simulated Chaos
 *     Mesh controller runs, as in a cluster where it was never installed
 */
public record SandboxOptions(
    int port,
    int pods,
    long seed,
    double churnPerSecond,
    Path kubeconfig,
    ControllerTimings timings,
    boolean demoServices,
    boolean chaosMesh) {

  public static final long DEFAULT_SEED = 42;

  public static SandboxOptions defaults() {
    return new SandboxOptions(0, 0, DEFAULT_SEED, 0, null, ControllerTimings.DEMO, true, true);
  }

  /** Options as before Chaos Mesh could be left out: Chaos Mesh installed. */
  public SandboxOptions(
      int port,
      int pods,
      long seed,
      double churnPerSecond,
      Path kubeconfig,
      ControllerTimings timings,
      boolean demoServices) {
    this(port, pods, seed, churnPerSecond, kubeconfig, timings, demoServices, true);
  }

  /** A sandbox whose cluster has no Chaos Mesh, for the "not installed" paths. */
  public SandboxOptions withoutChaosMesh() {
    return new SandboxOptions(
        port, pods, seed, churnPerSecond, kubeconfig, timings, demoServices, false);
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(
        newPort, pods, seed, churnPerSecond, kubeconfig, timings, demoServices, chaosMesh);
  }

  public SandboxOptions withPods(int newPods) {
    return new SandboxOptions(
        port, newPods, seed, churnPerSecond, kubeconfig, timings, demoServices, chaosMesh);
  }

  public SandboxOptions withSeed(long newSeed) {
    return new SandboxOptions(
        port, pods, newSeed, churnPerSecond, kubeconfig, timings, demoServices, chaosMesh);
  }

  public SandboxOptions withChurn(double perSecond) {
    return new SandboxOptions(
        port, pods, seed, perSecond, kubeconfig, timings, demoServices, chaosMesh);
  }

  public SandboxOptions withKubeconfig(Path path) {
    return new SandboxOptions(
        port, pods, seed, churnPerSecond, path, timings, demoServices, chaosMesh);
  }

  public SandboxOptions withTimings(ControllerTimings newTimings) {
    return new SandboxOptions(
        port, pods, seed, churnPerSecond, kubeconfig, newTimings, demoServices, chaosMesh);
  }

  public SandboxOptions withDemoServices(boolean on) {
    return new SandboxOptions(port, pods, seed, churnPerSecond, kubeconfig, timings, on, chaosMesh);
  }
}
