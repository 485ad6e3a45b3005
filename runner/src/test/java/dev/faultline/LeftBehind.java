package dev.faultline;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the run tests check after every run: pods ready again and free of Faultline's marks, reached
 * within a limit (the sandbox's controllers need a moment after a rollback).
 */
public final class LeftBehind {
  private LeftBehind() {}

  /** Polls {@code probe} until {@code done} holds, or fails with the last value seen. */
  public static <T> T await(Duration limit, Supplier<T> probe, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + limit + "; last seen: " + last);
      }
      Thread.sleep(100);
      last = probe.get();
    }
    return last;
  }

  /** The pod's Ready condition is true. */
  public static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  /** The pod carries a {@code faultline.dev/} annotation (a fault still marked on it). */
  public static boolean marked(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    return annotations != null
        && annotations.keySet().stream().anyMatch(k -> k.startsWith("faultline.dev/"));
  }
}
