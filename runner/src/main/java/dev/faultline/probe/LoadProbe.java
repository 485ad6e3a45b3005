package dev.faultline.probe;

import dev.faultline.probe.load.HttpLoad;
import dev.faultline.probe.load.Judgement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The probe side of a load ({@code load.http}, {@code load.grpc}): what a step, a continuous probe
 * and a dry run do with it. The protocol lives in the {@link Opener}, which resolves secrets and
 * hosts and sets up (without starting) a load each time one is needed.
 *
 * <ul>
 *   <li>{@link #run}: loads for the duration, reports every window, returns the whole's verdict;
 *   <li>{@link #sample}: the first call starts a load that runs until {@link #close}; each call
 *       judges the windows finished since the one before;
 *   <li>{@link #check}: one request and what the load would be.
 * </ul>
 */
final class LoadProbe implements LastingProbe {
  private final Opener opener;
  private final String loadText;
  private final AutoCloseable resources;
  private Running continuous; // guarded by this
  private boolean closed; // guarded by this

  /** Sets up a load, or says why it cannot. */
  interface Opener {
    Running open() throws Unready, InterruptedException;
  }

  /**
   * A load, the secrets its target was resolved with (to scrub them from messages), and how the
   * host was reached ({@code " (via demo service shop/checkout)"}, or empty).
   */
  record Running(HttpLoad load, Secrets secrets, String via) {}

  /** The load cannot start; the message says why. */
  static final class Unready extends Exception {
    private static final long serialVersionUID = 1L;

    Unready(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * @param loadText what the load would be ({@code 10 req/s for 30s}), for dry runs
   * @param resources closed with the probe (host lookups, channels)
   */
  LoadProbe(Opener opener, String loadText, AutoCloseable resources) {
    this.opener = opener;
    this.loadText = loadText;
    this.resources = resources;
  }

  @Override
  public ProbeSample run(Consumer<ProbeSample> progress) throws InterruptedException {
    Running running;
    try {
      running = opener.open();
    } catch (Unready e) {
      return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
    }
    try (HttpLoad load = running.load()) {
      Judgement end = load.run(window -> progress.accept(sample(running, window)));
      return sample(running, end);
    }
  }

  @Override
  public ProbeSample sample() throws InterruptedException {
    Running running;
    synchronized (this) {
      if (closed) {
        return ProbeSample.fail(Double.NaN, Duration.ZERO, "the load was stopped");
      }
      if (continuous == null) {
        try {
          continuous = opener.open();
        } catch (Unready e) {
          return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
        }
      }
      running = continuous;
    }
    return sample(running, running.load().nextSample());
  }

  @Override
  public ProbeSample check() throws InterruptedException {
    Running running;
    try {
      running = opener.open();
    } catch (Unready e) {
      return ProbeSample.fail(Double.NaN, Duration.ZERO, e.getMessage());
    }
    try (HttpLoad load = running.load()) {
      Judgement once = load.checkOnce();
      return sample(
          running,
          new Judgement(
              once.passed(),
              once.millis(),
              once.latency(),
              once.message() + "; would load " + loadText,
              null));
    }
  }

  private static ProbeSample sample(Running running, Judgement judgement) {
    return new ProbeSample(
        judgement.passed(),
        judgement.millis(),
        judgement.latency(),
        running.secrets().scrub(judgement.message()) + running.via());
  }

  @Override
  public void close() {
    Running running;
    synchronized (this) {
      closed = true;
      running = continuous;
      continuous = null;
    }
    if (running != null) {
      running.load().close();
    }
    try {
      resources.close();
    } catch (Exception e) {
      // closing is best effort: the load is stopped already
    }
  }
}
