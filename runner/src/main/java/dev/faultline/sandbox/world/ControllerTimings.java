package dev.faultline.sandbox.world;

import java.time.Duration;

/**
 * How fast the simulated controllers react: quick enough for tests and demos, slow enough that a
 * replaced pod is visibly missing, Pending and then Running, as on a real cluster.
 *
 * @param replace from a pod's deletion until its controller creates the replacement
 * @param schedule from creation until the pod is bound to a node
 * @param start from binding until the containers run and the pod is Ready
 */
public record ControllerTimings(Duration replace, Duration schedule, Duration start) {
  public static final ControllerTimings DEMO =
      new ControllerTimings(
          Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(1500));
  public static final ControllerTimings FAST =
      new ControllerTimings(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(100));
}
