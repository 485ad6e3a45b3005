package dev.faultline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SinkWorkerTest {
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  /** A sink that blocks until released, recording what it delivered. */
  private static final class Stuck implements Sink {
    final CountDownLatch release = new CountDownLatch(1);
    final List<NotifyMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public String label() {
      return "stuck.example";
    }

    @Override
    public void send(NotifyMessage message) throws InterruptedException {
      release.await();
      sent.add(message);
    }
  }

  @Test
  void offerNeverWaitsForAStuckSinkAndTheBoundedWaitReportsIt() throws Exception {
    var sink = new Stuck();
    var worker = new SinkWorker(sink, warnings::add);
    long start = System.nanoTime();

    worker.offer(Messages.start());
    worker.offer(Messages.finish("passed", "ok"));
    long offered = System.nanoTime() - start;
    boolean delivered = worker.awaitDelivered(Duration.ofMillis(200).toNanos());

    // The sink stays stuck until released below, so an offer that waited for it would never end;
    // the generous bound only absorbs class loading on a busy machine.
    assertThat(Duration.ofNanos(offered)).isLessThan(Duration.ofSeconds(1));
    assertThat(delivered).isFalse();
    sink.release.countDown();
    assertThat(worker.awaitDelivered(Duration.ofSeconds(5).toNanos())).isTrue();
    assertThat(sink.sent).extracting(m -> m.event().keyword()).containsExactly("start", "finish");
    worker.close();
  }

  @Test
  void aFullQueueDropsWithAWarningInsteadOfBlocking() {
    var sink = new Stuck();
    var worker = new SinkWorker(sink, warnings::add);

    for (int i = 0; i < SinkWorker.CAPACITY + 5; i++) {
      worker.offer(Messages.start());
    }

    assertThat(warnings)
        .isNotEmpty()
        .allMatch(
            w -> w.equals("notification to stuck.example dropped (start): too many are waiting"));
    sink.release.countDown();
    worker.close();
  }

  @Test
  void aFailedDeliveryBecomesAWarningNamingTheSinkAndTheEvent() throws Exception {
    Sink failing =
        new Sink() {
          @Override
          public String label() {
            return "hooks.slack.com";
          }

          @Override
          public void send(NotifyMessage message) throws IOException {
            throw new IOException("HTTP 500 (after 3 attempts)");
          }
        };
    var worker = new SinkWorker(failing, warnings::add);

    worker.offer(Messages.finish("passed", "ok"));
    worker.close();

    assertThat(worker.awaitDelivered(Duration.ofSeconds(5).toNanos())).isTrue();
    assertThat(warnings)
        .containsExactly(
            "notification to hooks.slack.com failed (finish): HTTP 500 (after 3 attempts)");
  }
}
