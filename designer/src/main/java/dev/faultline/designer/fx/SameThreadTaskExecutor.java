package dev.faultline.designer.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link UiTaskExecutor} that runs the work and its callback at once on the calling thread.
 *
 * <p>For tests and view-model unit tests: everything has happened when {@code execute} returns.
 * Never use it in the application, where it would block the FX thread. Unlike the real executor it
 * lets {@link Error}s (such as a failed assertion inside the work) propagate, so tests see them.
 */
public final class SameThreadTaskExecutor implements UiTaskExecutor {

  @Override
  public <T> void execute(
      Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    T result;
    try {
      result = work.call();
    } catch (Exception failure) {
      onError.accept(failure);
      return;
    }
    onSuccess.accept(result);
  }
}
