package dev.faultline.designer.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

  /** Stands in for the FX thread: callbacks wait here until the test runs them. */
  private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();

  private final FxTaskExecutor executor = new FxTaskExecutor(uiQueue::add);

  @Test
  void runsWorkOnAVirtualThreadAndDeliversThroughTheUiThread() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    AtomicReference<String> delivered = new AtomicReference<>();

    executor.execute(
        () -> {
          worker.set(Thread.currentThread());
          return "done";
        },
        delivered::set,
        failure -> delivered.set("error: " + failure));

    Runnable callback = uiQueue.poll(10, TimeUnit.SECONDS);
    assertThat(callback).isNotNull();
    assertThat(delivered).as("nothing delivered before the UI thread runs it").hasNullValue();
    callback.run();

    assertThat(delivered).hasValue("done");
    assertThat(worker.get().isVirtual()).isTrue();
    assertThat(worker.get().getName()).startsWith("faultline-task-");
    assertThat(worker.get()).isNotSameAs(Thread.currentThread());
  }

  @Test
  void deliversFailuresToOnError() throws Exception {
    AtomicReference<Object> delivered = new AtomicReference<>();

    executor.<String>execute(
        () -> {
          throw new IOException("disk gone");
        },
        delivered::set,
        delivered::set);

    uiQueue.poll(10, TimeUnit.SECONDS).run();
    assertThat(delivered.get())
        .isInstanceOf(IOException.class)
        .hasToString("java.io.IOException: disk gone");
  }

  @Test
  void deliversErrorsToo() throws Exception {
    AtomicReference<Object> delivered = new AtomicReference<>();

    executor.<String>execute(
        () -> {
          throw new AssertionError("boom");
        },
        delivered::set,
        delivered::set);

    uiQueue.poll(10, TimeUnit.SECONDS).run();
    assertThat(delivered.get()).isInstanceOf(AssertionError.class);
  }
}
