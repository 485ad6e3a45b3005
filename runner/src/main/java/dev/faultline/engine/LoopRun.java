package dev.faultline.engine;

import dev.faultline.model.Loop;
import dev.faultline.model.TimeSpan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an experiment's {@code spec.loop}: one whole run per iteration, each ending with its faults
 * rolled back before the pause starts, so nothing is applied while it waits.
 *
 * <p>The loop ends after {@code times} iterations or when {@code for} has passed since the first
 * began (an iteration that started in time runs to its end), whichever comes first. A failed
 * iteration ends the loop unless {@code continueOnFailure}; an aborted or errored one always does.
 * {@link #cancel} ends the running iteration with a rollback, or the pause at once. The overall
 * verdict is the worst of the loops.
 */
public final class LoopRun {
  private final Loop loop;
  private final String runId;
  private final Starter starter;
  private final LoopListener listener;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile String cancelledBy;
  private volatile Iteration current;

  /** One iteration in progress: {@link SupervisedRun} or a plain engine run. */
  public interface Iteration {
    RunHandle handle();

    /** Waits for the end of the iteration. */
    RunResult await();

    /** An iteration of a plain {@link Engine} run. */
    static Iteration of(RunHandle handle) {
      return new Iteration() {
        @Override
        public RunHandle handle() {
          return handle;
        }

        @Override
        public RunResult await() {
          return handle.result().join();
        }
      };
    }
  }

  /** Starts one iteration as run {@code runId}. */
  @FunctionalInterface
  public interface Starter {
    Iteration start(String runId) throws IOException;
  }

  /**
   * @param loop the loop; {@code null} runs once, as {@code runId} itself
   * @param runId the base run id; iteration N runs as {@code runId-loopN}
   */
  public LoopRun(Loop loop, String runId, Starter starter, LoopListener listener) {
    this.loop = loop;
    this.runId = runId;
    this.starter = starter;
    this.listener = listener == null ? event -> {} : listener;
  }

  /** The run id of iteration {@code number} (1-based). */
  public String iterationRunId(int number) {
    return loop == null ? runId : runId + "-loop" + number;
  }

  /** Ends the loop: the running iteration is cancelled and rolled back, no further one starts. */
  public void cancel(String by) {
    startNoMore(by);
    Iteration running = current;
    if (running != null) {
      running.handle().cancel(by);
    }
  }

  /**
   * Ends the loop but leaves the running iteration alone (a pause ends at once): for a process
   * shutdown, where each iteration's own hook already makes it an emergency stop.
   */
  public void startNoMore(String by) {
    cancelledBy = by;
    cancelled.countDown();
  }

  /** Runs the loop on the calling thread until it ends. */
  public LoopResult run() throws IOException, InterruptedException {
    Integer planned = loop == null ? Integer.valueOf(1) : loop.times();
    long deadline = deadline();
    Duration pause = loop == null || loop.pause() == null ? Duration.ZERO : span(loop.pause());
    List<RunResult> results = new ArrayList<>();
    for (int n = 1; planned == null || n <= planned; n++) {
      if (n > 1 && !pause.isZero()) {
        listener.onLoopEvent(new LoopEvent.Pausing(n, planned, pause));
        if (cancelled.await(pause.toNanos(), TimeUnit.NANOSECONDS)) {
          break;
        }
      }
      if (cancelled.getCount() == 0 || (n > 1 && System.nanoTime() - deadline >= 0)) {
        break;
      }
      String id = iterationRunId(n);
      listener.onLoopEvent(new LoopEvent.LoopStarted(n, planned, id));
      current = starter.start(id);
      if (cancelled.getCount() == 0) {
        current.handle().cancel(cancelledBy);
      }
      RunResult result = current.await();
      current = null;
      results.add(result);
      listener.onLoopEvent(new LoopEvent.LoopFinished(n, planned, result));
      boolean keepGoing =
          result.verdict() == Verdict.PASSED
              || (result.verdict() == Verdict.FAILED
                  && loop != null
                  && loop.effectiveContinueOnFailure());
      if (!keepGoing) {
        break;
      }
    }
    return summary(results, planned);
  }

  private long deadline() {
    long now = System.nanoTime();
    if (loop == null || loop.duration() == null) {
      return now + Long.MAX_VALUE / 2;
    }
    return now + span(loop.duration()).toNanos();
  }

  private static Duration span(TimeSpan span) {
    return span.parse().orElse(Duration.ZERO);
  }

  private LoopResult summary(List<RunResult> results, Integer planned) {
    String of = planned == null ? "" : " of " + planned;
    int worst = -1;
    for (int i = 0; i < results.size(); i++) {
      if (worst < 0 || rank(results.get(i).verdict()) > rank(results.get(worst).verdict())) {
        worst = i;
      }
    }
    if (results.isEmpty()) {
      return new LoopResult(
          Verdict.ABORTED,
          "cancelled by " + cancelledBy + " before the first loop",
          0,
          planned,
          results);
    }
    RunResult decisive = results.get(worst);
    if (decisive.verdict() == Verdict.PASSED) {
      if (cancelled.getCount() == 0) {
        return new LoopResult(
            Verdict.ABORTED,
            "cancelled by " + cancelledBy + " after loop " + results.size() + of,
            0,
            planned,
            results);
      }
      return new LoopResult(
          Verdict.PASSED, "all " + results.size() + " loops passed", 0, planned, results);
    }
    String reason =
        "loop " + (worst + 1) + of + " " + decisive.verdict().word() + ": " + decisive.reason();
    return new LoopResult(decisive.verdict(), reason, worst + 1, planned, results);
  }

  // The worse outcome wins: an error hides an abort, an abort hides a failure.
  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case PASSED -> 0;
      case FAILED -> 1;
      case ABORTED -> 2;
      case ERROR -> 3;
    };
  }
}
