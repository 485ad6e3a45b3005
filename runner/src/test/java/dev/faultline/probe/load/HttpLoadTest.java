package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A load as a step (windows, then the verdict on the whole) and as a continuous probe. */
class HttpLoadTest {
  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpLoad load(double rate, Duration duration, Duration window, Slo slo) {
    var spec =
        new LoadSpec(
            OpenLoopSchedule.constant(rate),
            duration,
            window,
            Duration.ofSeconds(2),
            50,
            status -> status >= 200 && status < 300,
            slo);
    return new HttpLoad(spec, new LoadTarget(server.uri(), "GET", Map.of(), null, null));
  }

  private static Slo p99(long millis) {
    return new Slo(null, null, Duration.ofMillis(millis), 1, null);
  }

  @Test
  void aHealthyStepPassesEveryWindowAndTheWhole() throws Exception {
    var windows = new CopyOnWriteArrayList<Judgement>();
    Judgement end;
    try (HttpLoad load = load(50, Duration.ofSeconds(3), Duration.ofSeconds(1), p99(500))) {
      end = load.run(windows::add);
    }

    assertThat(windows).hasSize(3).allMatch(Judgement::passed);
    assertThat(windows.getFirst().message())
        .matches("p50 .* ms, p95 .*, p99 .*, 0 % errors, \\d+(\\.\\d)? req/s \\(window 1 s\\)");
    assertThat(end.passed()).as(end.message()).isTrue();
    assertThat(end.stats().ok()).isEqualTo(150);
    assertThat(end.stats().throughput()).isEqualTo(50.0);
    assertThat(end.message()).endsWith(", 50 req/s (3 s, 3 windows)");
  }

  @Test
  void oneBadWindowFailsTheStepEvenWhenTheWholeLooksFine() throws Exception {
    var windows = new CopyOnWriteArrayList<Judgement>();
    // For 200 ms the server answers 503: about 10 of the 50 requests of that window (20 %), but
    // only 4 % of all 250. Against a 5 % limit, that window fails and the whole would not.
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(2_100);
                server.status(503);
                Thread.sleep(200);
                server.status(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Judgement end;
    var slo = new Slo(null, null, null, 5, null);
    try (HttpLoad load = load(50, Duration.ofSeconds(5), Duration.ofSeconds(1), slo)) {
      end = load.run(windows::add);
    }

    assertThat(windows).hasSize(5);
    List<Judgement> failed = windows.stream().filter(w -> !w.passed()).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.getFirst().message()).contains("× 503)").endsWith("— errors over 5 %");
    assertThat(end.stats().errorPercent()).isLessThan(5);
    assertThat(end.passed()).isFalse();
    assertThat(end.message())
        .containsPattern(
            "— 1 of 5 windows failed \\(first: window [23]–[34] s: errors over 5 %\\)$");
  }

  @Test
  void aSlowServerFailsTheLatencyLimit() throws Exception {
    server.delay(Duration.ofMillis(120));
    Judgement end;
    try (HttpLoad load = load(20, Duration.ofSeconds(2), Duration.ofSeconds(1), p99(100))) {
      end = load.run(w -> {});
    }
    assertThat(end.passed()).isFalse();
    assertThat(end.millis()).isGreaterThan(120);
    assertThat(end.message()).contains("— p99 over 100 ms, 2 of 2 windows failed");
  }

  @Test
  void asAContinuousProbeEachSampleIsTheNextWindowAndLateSamplesJoinWindows() throws Exception {
    try (HttpLoad load = load(40, Duration.ofSeconds(30), Duration.ofMillis(500), p99(500))) {
      long start = System.nanoTime();
      Judgement first = load.nextSample(); // starts the load, waits for the first window
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(400));
      assertThat(first.passed()).as(first.message()).isTrue();
      assertThat(first.message()).endsWith("(window 0.5 s)");

      Thread.sleep(1_100); // two more windows end meanwhile
      Judgement joined = load.nextSample();
      assertThat(joined.message()).containsPattern("\\(\\d windows, \\d(\\.\\d)? s\\)$");
      assertThat(joined.stats().ok()).isGreaterThanOrEqualTo(35);
    }
    Thread.sleep(200); // what was written before close may still be on its way to the server
    int sent = server.requests();
    Thread.sleep(300);
    assertThat(server.requests()).as("no request after close").isEqualTo(sent);
  }

  @Test
  void aCheckSendsOneRequest() throws Exception {
    server.status(404);
    Judgement check;
    try (HttpLoad load = load(1000, Duration.ofMinutes(5), Duration.ofSeconds(5), p99(100))) {
      check = load.checkOnce();
    }
    assertThat(check.passed()).isFalse();
    assertThat(check.message()).matches("404 in \\d+(\\.\\d+)? ms, not an expected status");
    assertThat(server.requests()).isEqualTo(1);
  }
}
