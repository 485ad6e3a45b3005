package dev.faultline.probe.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One load (HTTP, or any {@link Transport} such as {@code load.grpc}'s): as a step it runs for its
 * duration and judges every window and the whole ({@link #run}); as a continuous probe it runs from
 * the first {@link #nextSample} until {@link #close} and each sample judges the windows finished
 * since the one before.
 *
 * <p>Per window and at the end, the {@link Slo} judges latency percentiles, errors and throughput.
 * A step fails when the whole load or any of its windows breaks the SLO: one bad window of a long
 * load is a real outage that an average would hide.
 */
public final class HttpLoad implements AutoCloseable {
  private final LoadSpec spec;
  private final Transport transport;
  private OpenLoopLoad continuous; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @throws IllegalArgumentException when the request cannot be sent as given (a header this client
   *     sets itself, a line break in a header value)
   */
  public HttpLoad(LoadSpec spec, LoadTarget target) {
    this.spec = spec;
    RequestBytes request =
        RequestBytes.of(target.uri(), target.method(), target.headers(), target.body());
    this.transport =
        target.secure()
            ? new JdkTransport(
                target.uri(), target.method(), target.headers(), target.body(), target.tls())
            : new PlainTransport(
                new InetSocketAddress(target.uri().getHost(), target.port()), request);
  }

  /**
   * A load over another transport (gRPC unary calls): each send returns that protocol's status,
   * which {@code spec} judges and names.
   */
  public HttpLoad(LoadSpec spec, Transport transport) {
    this.spec = spec;
    this.transport = transport;
  }

  /**
   * Checks headers as {@link #HttpLoad} would, before there is anything to send.
   *
   * @throws IllegalArgumentException naming the header
   */
  public static void checkHeaders(Map<String, String> headers) {
    RequestBytes.of(java.net.URI.create("http://localhost/"), "GET", headers, null);
  }

  /**
   * Loads for the spec's duration, hands each window's verdict to {@code windows} as it finishes,
   * and returns the verdict on the whole load.
   */
  public Judgement run(Consumer<Judgement> windows) throws InterruptedException {
    long duration = spec.duration().toNanos();
    try (OpenLoopLoad load = newLoad(duration).start()) {
      var total = new Tally();
      double scheduled = 0;
      int count = 0;
      var failed = new ArrayList<String>();
      while (true) {
        Window window =
            load.nextWindow(spec.window().toNanos() + spec.timeout().toNanos() + 5_000_000_000L);
        if (window == null) {
          if (!load.running()) {
            break; // cannot happen unless the dispatcher died; judge what came in
          }
          continue;
        }
        WindowStats stats = WindowStats.of(window.tally(), window.spanNanos(), window.scheduled());
        List<String> violations = spec.slo().violations(stats);
        windows.accept(
            Judgement.of(
                stats,
                violations,
                "window " + LoadText.span(window.spanNanos()),
                spec.statusName()));
        if (!violations.isEmpty()) {
          failed.add(
              "window "
                  + LoadText.range(window.fromNanos(), window.toNanos())
                  + ": "
                  + String.join(", ", violations));
        }
        total.add(window.tally());
        scheduled += window.scheduled();
        count++;
        if (window.last()) {
          break;
        }
      }
      WindowStats all = WindowStats.of(total, duration, scheduled);
      List<String> violations = new ArrayList<>(spec.slo().violations(all));
      if (!failed.isEmpty() && count > 1) { // one window is the whole: said already
        violations.add(
            failed.size()
                + " of "
                + count
                + (count == 1 ? " window" : " windows")
                + " failed (first: "
                + failed.getFirst()
                + ")");
      }
      return Judgement.of(
          all,
          violations,
          LoadText.span(duration) + ", " + count + (count == 1 ? " window" : " windows"),
          spec.statusName());
    }
  }

  /**
   * The verdict on the windows finished since the previous call, waiting for the next one to finish
   * if none has; the first call starts the load, which runs until {@link #close}.
   */
  public Judgement nextSample() throws InterruptedException {
    OpenLoopLoad load;
    synchronized (this) {
      if (closed) {
        return new Judgement(false, Double.NaN, Duration.ZERO, "the load was stopped", null);
      }
      if (continuous == null) {
        continuous = newLoad(Long.MAX_VALUE).start();
      }
      load = continuous;
    }
    long wait = spec.window().toNanos() + spec.timeout().toNanos() + 5_000_000_000L;
    Window first = load.nextWindow(wait);
    if (first == null) {
      return new Judgement(
          false,
          Double.NaN,
          Duration.ZERO,
          "no window finished within " + LoadText.span(wait) + ": the load generator is stuck",
          null);
    }
    List<Window> windows = new ArrayList<>();
    windows.add(first);
    windows.addAll(load.finishedWindows());
    if (windows.size() == 1) {
      WindowStats stats = WindowStats.of(first.tally(), first.spanNanos(), first.scheduled());
      return Judgement.of(
          stats,
          spec.slo().violations(stats),
          "window " + LoadText.span(first.spanNanos()),
          spec.statusName());
    }
    // The probe was sampled less often than windows end: judge them together, and fail if any
    // one of them failed on its own.
    var total = new Tally();
    double scheduled = 0;
    long span = 0;
    int failed = 0;
    for (Window w : windows) {
      WindowStats one = WindowStats.of(w.tally(), w.spanNanos(), w.scheduled());
      failed += spec.slo().violations(one).isEmpty() ? 0 : 1;
      total.add(w.tally());
      scheduled += w.scheduled();
      span += w.spanNanos();
    }
    WindowStats stats = WindowStats.of(total, span, scheduled);
    List<String> violations = new ArrayList<>(spec.slo().violations(stats));
    if (failed > 0) {
      violations.add(failed + " of " + windows.size() + " windows failed");
    }
    return Judgement.of(
        stats, violations, windows.size() + " windows, " + LoadText.span(span), spec.statusName());
  }

  /** Sends the request once, to see that the target answers (dry runs); no load. */
  public Judgement checkOnce() throws InterruptedException {
    long start = System.nanoTime();
    try (Transport.Channel channel = transport.open()) {
      int status = channel.send(start + spec.timeout().toNanos());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      boolean ok = spec.expected().test(status);
      return new Judgement(
          ok,
          took.toNanos() / 1e6,
          took,
          spec.statusName().apply(status)
              + " in "
              + LoadText.millis(took)
              + (ok ? "" : ", not an expected status"),
          null);
    } catch (SocketTimeoutException | HttpTimeoutException e) {
      return new Judgement(
          false,
          Double.NaN,
          Duration.ZERO,
          "no answer within " + LoadText.millis(spec.timeout()),
          null);
    } catch (IOException e) {
      return new Judgement(false, Double.NaN, Duration.ZERO, OpenLoopLoad.describe(e), null);
    }
  }

  private OpenLoopLoad newLoad(long durationNanos) {
    return new OpenLoopLoad(
        spec.schedule(),
        durationNanos,
        spec.window().toNanos(),
        spec.timeout().toNanos(),
        spec.maxConnections(),
        OpenLoopLoad.backlogFor(spec.schedule(), spec.timeout().toNanos(), spec.maxConnections()),
        transport,
        spec.expected());
  }

  /** Stops a continuous load and releases connections. Idempotent. */
  @Override
  public void close() {
    OpenLoopLoad load;
    synchronized (this) {
      closed = true;
      load = continuous;
      continuous = null;
    }
    if (load != null) {
      load.close();
    }
    transport.close();
  }
}
