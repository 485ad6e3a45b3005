package dev.faultline.designer.yaml;

import dev.faultline.designer.fx.UiTaskExecutor;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds tasks until the test runs them, to show what happens when results come late. */
final class QueuedTaskExecutor implements UiTaskExecutor {

  private final Queue<Runnable> queued = new ArrayDeque<>();

  @Override
  public <T> void execute(
      Callable<? extends T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    queued.add(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception failure) {
            onError.accept(failure);
            return;
          }
          onSuccess.accept(result);
        });
  }

  /** Runs every queued task (and those they queue) in order. */
  void runAll() {
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
  }

  int size() {
    return queued.size();
  }
}
