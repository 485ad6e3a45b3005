package dev.faultline.sandbox;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition of the simulated cluster until it holds, failing with what was last seen. */
final class Eventually {
  private Eventually() {}

  static <T> T await(Duration limit, Supplier<T> probe, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + limit + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
