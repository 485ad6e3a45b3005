package dev.faultline.designer.fx;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The real {@link UiTaskExecutor}: one virtual thread per task, results delivered with {@link
 * Platform#runLater}.
 *
 * <p>Virtual threads suit this work (mostly blocking IO) and need no pool to size or shut down.
 */
public final class FxTaskExecutor implements UiTaskExecutor {

  private final ThreadFactory threads;
  private final Consumer<Runnable> uiThread;

  /** Creates an executor that delivers results on the JavaFX application thread. */
  public FxTaskExecutor() {
    this(Platform::runLater);
  }

  /**
   * Creates an executor that delivers results through {@code uiThread}; lets tests observe delivery
   * without starting the FX toolkit.
   *
   * @param uiThread schedules a callback on the UI thread
   */
  public FxTaskExecutor(Consumer<Runnable> uiThread) {
    this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    this.threads = Thread.ofVirtual().name("faultline-task-", 0).factory();
  }

  @Override
  public <T> void execute(
      Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onError, "onError");
    threads
        .newThread(
            () -> {
              T result;
              try {
                result = work.call();
              } catch (Throwable failure) {
                // Errors too: a failed task must always answer, or the UI waits forever.
                uiThread.accept(() -> onError.accept(failure));
                return;
              }
              uiThread.accept(() -> onSuccess.accept(result));
            })
        .start();
  }
}
