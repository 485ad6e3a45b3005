package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator against a loopback server: the schedule holds whatever the server does, latency is
 * measured from due times (the coordinated-omission correction), and windows cut the load.
 */
class OpenLoopLoadTest {
  private static final long MS = 1_000_000L;
  private LoopbackServer server;
  private PlainTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    transport =
        new PlainTransport(server.address(), RequestBytes.of(server.uri(), "GET", Map.of(), null));
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private OpenLoopLoad load(
      double rate, long durationMs, long windowMs, long timeoutMs, int connections, int backlog) {
    return new OpenLoopLoad(
        OpenLoopSchedule.constant(rate),
        durationMs * MS,
        windowMs * MS,
        timeoutMs * MS,
        connections,
        backlog,
        transport,
        status -> status == 200);
  }

  /** Runs a load to its end and returns its windows. */
  private static List<Window> windows(OpenLoopLoad load) throws InterruptedException {
    var out = new ArrayList<Window>();
    try (load) {
      load.start();
      while (true) {
        Window w = load.nextWindow(Duration.ofSeconds(30).toNanos());
        assertThat(w).as("a window within 30 s").isNotNull();
        out.add(w);
        if (w.last()) {
          return out;
        }
      }
    }
  }

  private static Tally total(List<Window> windows) {
    var total = new Tally();
    windows.forEach(w -> total.add(w.tally()));
    return total;
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  @Test
  void aStallShowsInTheLatencyFromDueTimesButHidesInServiceTime() throws Exception {
    // 100 req/s over one connection; 1.5 s in, the server stalls for 1 s, once. A closed-loop
    // tool waits with its one connection and sends nothing meanwhile: it sees one slow request
    // in 600. Users keep arriving, though: the ~100 requests due during the stall wait from
    // 1000 ms down to 10 ms, which wrk2 reports and so must we.
    OpenLoopLoad load = load(100, 6_000, 6_000, 5_000, 1, 1_000);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(1_500);
                server.stallFor(Duration.ofSeconds(1));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Tally tally = total(windows(load));

    assertThat(tally.ok()).isEqualTo(600);
    Histogram corrected = tally.latency();
    Histogram service = tally.serviceTime();
    // Corrected: the 6 slowest of 600 waited 940 ms or more, the 30 slowest 700 ms or more.
    assertThat(ms(corrected, 99)).isBetween(850.0, 1_400.0);
    assertThat(ms(corrected, 95)).isBetween(600.0, 1_300.0);
    assertThat(ms(corrected, 50)).isLessThan(100.0);
    // Uncorrected: one request of 600 saw the stall, so it is beyond the p99.
    assertThat(service.getMaxValue() / 1000.0).isGreaterThan(900.0);
    assertThat(ms(service, 99)).isLessThan(ms(corrected, 99) / 4);
  }

  @Test
  void aSlowServerDoesNotSlowTheSchedule() throws Exception {
    server.delay(Duration.ofMillis(300));
    long start = System.nanoTime();
    Tally tally = total(windows(load(50, 3_000, 1_000, 2_000, 100, 1_000)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // Every request due in 3 s went out on time, in parallel: 150 of them, each about 300 ms.
    assertThat(tally.ok()).isEqualTo(150);
    assertThat(server.requests()).isEqualTo(150);
    assertThat(ms(tally.latency(), 50)).isBetween(300.0, 600.0);
    assertThat(took).isLessThan(Duration.ofMillis(3_000 + 300 + 1_500));
  }

  @Test
  void tooFewConnectionsMakeRequestsWaitAndTheWaitCounts() throws Exception {
    // 50 req/s of 100 ms requests need 5 connections; with 2, requests queue up and wait longer
    // and longer: their latency from the due time grows though each answer takes 100 ms.
    server.delay(Duration.ofMillis(100));
    List<Window> windows = windows(load(50, 2_000, 2_000, 10_000, 2, 1_000));
    WindowStats stats = WindowStats.of(windows.getLast().tally(), 2_000 * MS, 100);

    assertThat(stats.waited()).isGreaterThan(50);
    assertThat(ms(windows.getLast().tally().serviceTime(), 50)).isBetween(100.0, 300.0);
    assertThat(stats.p99()).isGreaterThan(Duration.ofMillis(1_000));
    assertThat(LoadText.describe(stats, "window 2 s", List.of()))
        .containsPattern("; \\d+ waited for a free connection \\(p99 once sent \\d+ ms\\)");
  }

  @Test
  void requestsThatFindTheBacklogFullAreNotSentAndSaySo() throws Exception {
    server.delay(Duration.ofSeconds(5));
    // One connection stuck until each request times out (700 ms), a backlog of 16: from 0.4 s
    // on, requests find no room until the first timeout frees the connection.
    Tally tally = total(windows(load(40, 1_000, 1_000, 700, 1, 16)));

    assertThat(tally.notSent()).isBetween(8L, 30L);
    assertThat(tally.timeouts()).isEqualTo(40 - tally.notSent());
    WindowStats stats = WindowStats.of(tally, 1_000 * MS, 40);
    assertThat(stats.errorPercent()).isEqualTo(100.0);
    assertThat(LoadText.describe(stats, "window 1 s", List.of()))
        .contains("not sent)")
        .contains("; client saturated: " + tally.notSent() + " requests not sent");
  }

  @Test
  void timeoutsAreErrorsWithTheirLatency() throws Exception {
    server.delay(Duration.ofSeconds(3));
    long start = System.nanoTime();
    Tally tally = total(windows(load(20, 1_000, 1_000, 300, 50, 1_000)));

    assertThat(tally.timeouts()).isEqualTo(20);
    assertThat(tally.ok()).isZero();
    assertThat(ms(tally.latency(), 0)).isGreaterThanOrEqualTo(300.0);
    assertThat(ms(tally.latency(), 100)).isLessThan(300 + DeadlineWatch.TICK_MILLIS + 500.0);
    // The load ends when its last request has timed out, not when the server answers.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void windowsCutTheLoadAtTheirBoundariesAndTheLastEndsWithTheDuration() throws Exception {
    List<Window> windows = windows(load(100, 2_500, 1_000, 1_000, 10, 1_000));

    assertThat(windows).extracting(Window::index).containsExactly(0, 1, 2);
    assertThat(windows).extracting(Window::fromNanos).containsExactly(0L, 1_000 * MS, 2_000 * MS);
    assertThat(windows)
        .extracting(Window::toNanos)
        .containsExactly(1_000 * MS, 2_000 * MS, 2_500 * MS);
    assertThat(windows).extracting(Window::last).containsExactly(false, false, true);
    assertThat(windows).extracting(Window::scheduled).containsExactly(100.0, 100.0, 50.0);
    // Every request landed in exactly one window.
    assertThat(windows.stream().mapToLong(w -> w.tally().ok()).sum()).isEqualTo(250);
  }
}
