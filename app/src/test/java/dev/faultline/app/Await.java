package dev.faultline.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests for what the window does in the background (file IO, validation). */
final class Await {
  private Await() {}

  /** Waits up to 10 s for {@code condition}; fails the test with a clear message otherwise. */
  static void until(int seconds, String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Not within " + seconds + " s: " + what, e);
    }
  }

  static void until(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (TimeoutException e) {
      throw new AssertionError("Condition not met within 10 s", e);
    }
  }
}
