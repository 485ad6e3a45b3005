package dev.faultline.probe.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A closed-loop load for comparisons with {@code wrk}: {@code connections} workers, each sending
 * its next request as soon as the previous answer is in, for a fixed time. Latency is then service
 * time (no schedule to be late against), which is what {@code wrk} measures.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** What a closed-loop run measured. */
  record Result(long requests, long errors, double seconds, Tally tally) {
    double perSecond() {
      return requests / seconds;
    }
  }

  static Result run(URI uri, int connections, long durationNanos, boolean platformThreads)
      throws InterruptedException {
    var address = new InetSocketAddress(uri.getHost(), uri.getPort());
    var request = RequestBytes.of(uri, "GET", Map.of(), null);
    var cutter = new WindowCutter();
    var watch = new DeadlineWatch();
    long start = System.nanoTime();
    long end = start + durationNanos;
    List<Thread> threads = new ArrayList<>();
    var errors = new java.util.concurrent.atomic.LongAdder();
    for (int i = 0; i < connections; i++) {
      Runnable work =
          () -> {
            try (Http1Connection connection = new Http1Connection(address, request, watch)) {
              while (true) {
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
            }
          };
      threads.add(
          platformThreads ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Tally tally = cutter.cut();
    return new Result(tally.ok() + tally.badStatus(), errors.sum(), seconds, tally);
  }
}
