package dev.faultline.designer.fx;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Reads and waits on the FX thread from a test thread, for UI tests against live clusters. */
public final class FxCalls {
  private FxCalls() {}

  /** Runs {@code work} on the FX thread and returns its result (10 s at most). */
  public static <T> T fx(Callable<T> work) throws Exception {
    var result = new CompletableFuture<T>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(10, TimeUnit.SECONDS);
  }

  /** Polls {@code condition} on the FX thread until it holds, failing after {@code wait}. */
  public static void await(Callable<Boolean> condition, Duration wait, String what)
      throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!fx(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }
}
