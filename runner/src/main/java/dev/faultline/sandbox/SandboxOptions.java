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
 */
public record SandboxOptions(
    int port,
    int pods,
    long seed,
    double churnPerSecond,
    Path kubeconfig,
    ControllerTimings timings,
    boolean demoServices) {

  public static final long DEFAULT_SEED = 42;

  public static SandboxOptions defaults() {
    return new SandboxOptions(0, 0, DEFAULT_SEED, 0, null, ControllerTimings.DEMO, true);
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(
        newPort, pods, seed, churnPerSecond, kubeconfig, timings, demoServices);
  }

  public SandboxOptions withPods(int newPods) {
    return new SandboxOptions(
        port, newPods, seed, churnPerSecond, kubeconfig, timings, demoServices);
  }

  public SandboxOptions withSeed(long newSeed) {
    return new SandboxOptions(
        port, pods, newSeed, churnPerSecond, kubeconfig, timings, demoServices);
  }

  public SandboxOptions withChurn(double perSecond) {
    return new SandboxOptions(port, pods, seed, perSecond, kubeconfig, timings, demoServices);
  }

  public SandboxOptions withKubeconfig(Path path) {
    return new SandboxOptions(port, pods, seed, churnPerSecond, path, timings, demoServices);
  }

  public SandboxOptions withTimings(ControllerTimings newTimings) {
    return new SandboxOptions(
        port, pods, seed, churnPerSecond, kubeconfig, newTimings, demoServices);
  }

  public SandboxOptions withDemoServices(boolean on) {
    return new SandboxOptions(port, pods, seed, churnPerSecond, kubeconfig, timings, on);
  }
}
