package dev.faultline.designer.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (file IO, cluster calls, layout, exports) off the FX thread and hands the outcome
 * back on it.
 *
 * <p>View models depend on this interface, never on threads or {@code Platform} directly, so tests
 * can swap in {@link SameThreadTaskExecutor} and stay deterministic.
 */
public interface UiTaskExecutor {

  /**
   * Runs {@code work} in the background; then calls exactly one of the two callbacks on the UI
   * thread.
   *
   * @param work the slow part; must not touch the scene graph or view-model properties
   * @param onSuccess receives the result on the UI thread
   * @param onError receives whatever {@code work} threw, on the UI thread
   * @param <T> the result type
   */
  <T> void execute(
      Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);
}
