package dev.faultline.probe.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load over the same client as {@code load.http}, for comparisons with {@code wrk}:
 * {@code connections} virtual threads, each sending its next request when the previous answer is in
 * (after {@code think}, if any, as wrk's Lua {@code delay()} does), for a fixed time. Latency is
 * service time, from the write to the answer: with no schedule there is nothing to be late for,
 * which is exactly wrk's measure.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** What a run measured. */
  record Result(long answered, long errors, double seconds, Tally tally) {
    double perSecond() {
      return answered / seconds;
    }
  }

  static Result run(URI uri, int connections, Duration duration, Duration think)
      throws InterruptedException {
    var address = new InetSocketAddress(uri.getHost(), uri.getPort());
    var request = RequestBytes.of(uri, "GET", Map.of(), null);
    var cutter = new WindowCutter();
    var errors = new LongAdder();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    try (var watch = new DeadlineWatch()) {
      for (int i = 0; i < connections; i++) {
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try (var connection = new Http1Connection(address, request, watch)) {
                        while (true) {
                          if (think.isPositive()) {
                            Thread.sleep(think);
                          }
                          long sent = System.nanoTime();
                          if (sent >= end) {
                            return;
                          }
                          try {
                            int status = connection.send(sent + 2_000_000_000L);
                            cutter.answered(status, status == 200, sent, sent, System.nanoTime());
                          } catch (IOException e) {
                            errors.increment();
                          }
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Tally tally = cutter.cut();
    return new Result(tally.ok() + tally.badStatus(), errors.sum(), seconds, tally);
  }
}
